import { randomBytes } from 'node:crypto';

/** Discord's epoch (2015-01-01T00:00:00.000Z): snowflakes carry milliseconds since then in their top 42 bits. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Makes snowflakes the way Discord lays them out, so anything that decodes a timestamp from an id (discord.js's
 * `createdTimestamp`, shard routing `(guild_id >> 22) % shards`) sees sensible values.
 */
export class SnowflakeFactory {
  private increment = 0n;
  constructor(private readonly now: () => number = Date.now) {}

  next(): string {
    const ms = BigInt(Math.floor(this.now())) - DISCORD_EPOCH;
    this.increment = (this.increment + 1n) & 0xfffn;
    return ((ms << 22n) | (1n << 17n) | this.increment).toString();
  }
}

/** The shard a guild's events go to, as Discord documents: (guild_id >> 22) % num_shards. */
export function shardForGuild(guildId: string, shardCount: number): number {
  if (shardCount <= 1) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Interaction tokens are long opaque strings; a random one keeps tests from guessing them. */
export function interactionToken(): string {
  return `aW50ZXJhY3Rpb24${randomBytes(48).toString('base64url')}`;
}

export function sessionId(): string {
  return randomBytes(16).toString('hex');
}
