/**
 * Colours for enumerated values (statuses, kinds, sides), shared by tags and charts so a value
 * looks the same everywhere.
 */
export type Tone = 'gray' | 'blue' | 'cyan' | 'green' | 'gold' | 'orange' | 'red' | 'purple';

export const tonePalette: Record<Tone, { text: string; bg: string; border: string; solid: string }> = {
  gray: { text: '#5b6b80', bg: '#f2f4f7', border: '#e0e5ec', solid: '#98a2b3' },
  blue: { text: '#1a5fa8', bg: '#eaf1fa', border: '#c7dbf0', solid: '#2f76c5' },
  cyan: { text: '#0e7c86', bg: '#e6f6f7', border: '#b9e3e6', solid: '#18a0ad' },
  green: { text: '#1f8a4c', bg: '#e9f7ef', border: '#bfe6cf', solid: '#34a86a' },
  gold: { text: '#9a600c', bg: '#fdf4e4', border: '#f2d9aa', solid: '#d99a3b' },
  orange: { text: '#c2550f', bg: '#fff1e8', border: '#f9cfb0', solid: '#ec7a36' },
  red: { text: '#c0392b', bg: '#fdecea', border: '#f5c4bd', solid: '#e05a4b' },
  purple: { text: '#6941c6', bg: '#f3effd', border: '#d9cdf8', solid: '#8a63d2' },
};

export const enumTones = {
  demandStatus: {
    draft: 'gray', submitted: 'gold', returned: 'red', published: 'blue', matched: 'cyan',
    negotiating: 'purple', contracted: 'green', closed: 'gray', withdrawn: 'gray',
  },
  confidentiality: { public: 'green', summary: 'gold', confidential: 'red' },
  achievementStatus: { draft: 'gray', published: 'blue', transferred: 'green', withdrawn: 'gray' },
  achievementKind: {
    patent: 'blue', variety: 'green', software: 'purple', process: 'cyan', equipment: 'orange', material: 'gold', standard: 'gray', other: 'gray',
  },
  organizationKind: {
    enterprise: 'blue', university: 'purple', institute: 'cyan', society: 'gold', hospital: 'red', park: 'green', agency: 'gray',
  },
  side: { east: 'blue', west: 'gold', central: 'cyan', northeast: 'purple', other: 'gray' },
  listSource: { survey: 'blue', conference: 'purple', society: 'cyan', platform: 'green' },
  expertStatus: { active: 'green', inactive: 'gray' },
  jobStatus: { queued: 'gray', running: 'blue', succeeded: 'green', failed: 'red' },
} as const satisfies Record<string, Record<string, Tone>>;

export type EnumKind = keyof typeof enumTones;

export function toneOf(kind: EnumKind, value: string): Tone {
  return (enumTones[kind] as Record<string, Tone>)[value] ?? 'gray';
}

/**
 * The matching signals as the score bar and the reasons show them, in stacking order, each with
 * its colour (`text` is the matched words of the record itself, `publication` the evidence of an
 * expert's or organization's papers and achievements, `other` a signal this client does not know).
 */
export const matchSignals = ['publication', 'text', 'discipline', 'industry', 'pairing', 'recency', 'other', 'load'] as const;
export type MatchSignal = (typeof matchSignals)[number];

export const signalTones: Record<MatchSignal, Tone> = {
  text: 'blue',
  publication: 'cyan',
  discipline: 'purple',
  industry: 'gold',
  pairing: 'green',
  recency: 'orange',
  other: 'gray',
  load: 'red',
};
