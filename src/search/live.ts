export interface WatchOptions { onError?: (message: string) => void }
export interface ReportWatcher { close(): void }
export function watchReports(): ReportWatcher { return { close() {} }; }
