/** A hand-made three-report corpus (invented places and people) shared by the answer-layer unit tests. */
import { makeCorpus } from './handmade.js';

export const LANFENG = `The municipal government held its 7th executive meeting

Speed up the river clean-up and support small traders

On March 3, Mayor Tian Haoran presided over the 7th executive meeting of the municipal government to review the "Lanfeng River Clean-up Plan (2024-2026)" and discussed the "Measures for Supporting Small Traders".
The meeting pointed out that the river clean-up must protect drinking water sources and restore wetlands along the river. Officials toured the wetlands.
The meeting emphasized that support for small traders must cut rents and fees, and keep markets open for small traders. It is a busy season.
The meeting required that every district name an official for the river clean-up and report monthly on the wetlands and water sources. (Lu Min)`;

export const HEDONG = `Hedong county standing committee meeting held

On the morning of May 9, the county standing committee met. Party Secretary Ma Qiyun presided. Deputy heads Su Lan and Ke Wen attended the meeting. The meeting conveyed the speech of Governor Bao Rui on flood control.
The meeting emphasized that flood control comes first in the rainy season and that every reservoir must be inspected.`;

export const HEDONG_ZH = `河东县委常委会召开

5月9日，县委常委会召开。县委书记马启云主持会议。会议传达了鲍锐省长关于防汛工作的讲话精神。
会议强调，要把防汛工作放在首位，每座水库都要检查到位。`;

export const corpus = makeCorpus([
  {
    id: 'lanfeng',
    text: LANFENG,
    meetings: [
      {
        id: 'lanfeng-2024-03-03-7th-executive-meeting',
        title: 'The municipal government held its 7th executive meeting',
        headline: 'Speed up the river clean-up and support small traders',
        date: '2024-03-03',
        place: 'Lanfeng',
        body: 'Lanfeng Municipal Government',
        chair: [{ name: 'Tian Haoran', role: 'Mayor' }],
        attendees: [{ name: 'Tian Haoran', role: 'Mayor' }],
        reporter: 'Lu Min',
        policies: [
          { title: 'Lanfeng River Clean-up Plan (2024-2026)', action: 'reviewed' },
          { title: 'Measures for Supporting Small Traders', action: 'discussed' },
        ],
        evidence: [
          ['date', '2024-03-03', 'On March 3, Mayor Tian Haoran presided over the 7th executive meeting of the municipal government'],
          ['chair', 'Tian Haoran', 'Mayor Tian Haoran presided over the 7th executive meeting'],
          ['policies', 'Lanfeng River Clean-up Plan (2024-2026)', 'review the "Lanfeng River Clean-up Plan (2024-2026)"'],
          ['reporter', 'Lu Min', '(Lu Min)'],
        ],
      },
    ],
  },
  {
    id: 'hedong',
    text: HEDONG,
    meetings: [
      {
        id: 'hedong-2023-05-09-standing-committee',
        title: 'Hedong county standing committee meeting held',
        date: '2023-05-09',
        place: 'Hedong',
        chair: [{ name: 'Ma Qiyun', role: 'Party Secretary' }],
        attendees: [
          { name: 'Ma Qiyun', role: 'Party Secretary' },
          { name: 'Su Lan', role: 'Deputy head' },
          { name: 'Ke Wen', role: 'Deputy head' },
        ],
        mentioned: ['Bao Rui'],
        evidence: [
          ['attendees', 'Su Lan', 'Deputy heads Su Lan and Ke Wen attended the meeting.'],
          ['mentioned', 'Bao Rui', 'The meeting conveyed the speech of Governor Bao Rui on flood control.'],
        ],
      },
    ],
  },
  {
    id: 'hedong-zh',
    text: HEDONG_ZH,
    meetings: [
      {
        id: 'hedong-zh-2023-05-09-changweihui',
        title: '河东县委常委会召开',
        date: '2023-05-09',
        place: '河东',
        language: 'zh',
        chair: [{ name: '马启云', role: '县委书记' }],
        attendees: [{ name: '马启云', role: '县委书记' }],
        mentioned: ['鲍锐'],
      },
    ],
  },
]);
