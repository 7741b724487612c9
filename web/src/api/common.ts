/** Value sets shared by several features (mirrors the server's enums). */
export const demandStatuses = [
  'draft', 'submitted', 'returned', 'published', 'matched', 'negotiating', 'contracted', 'closed', 'withdrawn',
] as const;
export type DemandStatus = (typeof demandStatuses)[number];

export const confidentialities = ['public', 'summary', 'confidential'] as const;
export type Confidentiality = (typeof confidentialities)[number];

export const organizationKinds = ['enterprise', 'university', 'institute', 'society', 'hospital', 'park', 'agency'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const achievementKinds = ['patent', 'variety', 'software', 'process', 'equipment', 'material', 'standard'] as const;
export type AchievementKind = (typeof achievementKinds)[number];

export const achievementStatuses = ['draft', 'published', 'transferred', 'withdrawn'] as const;
export type AchievementStatus = (typeof achievementStatuses)[number];

export const sides = ['east', 'central', 'west', 'northeast', 'other'] as const;
export type Side = (typeof sides)[number];

export const demandListSources = ['survey', 'conference', 'society', 'platform'] as const;
export type DemandListSource = (typeof demandListSources)[number];

/** A reference to another record, as embedded in responses. */
export interface NamedRef {
  id: number;
  name: string;
}
