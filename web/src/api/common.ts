/** Value sets shared by several features (mirrors the server's enums). */
export const demandStatuses = [
  'draft', 'submitted', 'returned', 'published', 'matched', 'negotiating', 'contracted', 'closed', 'withdrawn',
] as const;
export type DemandStatus = (typeof demandStatuses)[number];

export const confidentialities = ['public', 'summary', 'confidential'] as const;
export type Confidentiality = (typeof confidentialities)[number];

export const organizationKinds = ['enterprise', 'university', 'institute', 'society', 'hospital', 'park', 'agency'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const achievementKinds = ['patent', 'variety', 'software', 'process', 'equipment', 'material', 'standard', 'other'] as const;
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

/** 合作方式 of a demand (the server keeps the Chinese words). */
export const cooperationModes = ['技术开发', '技术转让', '技术许可', '技术咨询', '技术服务', '联合攻关', '人才引进', '共建平台'] as const;
export type CooperationMode = (typeof cooperationModes)[number];

/** 转化方式 of an achievement. */
export const transferModes = ['转让', '许可', '作价入股', '合作开发', '技术服务'] as const;
export type TransferMode = (typeof transferModes)[number];

/** The four registries that have forms, imports and exports (the API's plural path names). */
export const registryKinds = ['demands', 'organizations', 'experts', 'achievements'] as const;
export type RegistryKind = (typeof registryKinds)[number];

/** What a write answers besides the record: near-identical records already registered. */
export interface DuplicateRef {
  id: number;
  /** a demand's title or an organization's / expert's name */
  label: string;
  /** 0–1 when the server measured it */
  similarity?: number;
  /** extra context: a demand's status, an expert's institution */
  note?: string | null;
}
