import { http } from './http';
import type { Side } from './common';

export interface Region {
  code: string;
  name: string;
  shortName: string;
  level: string;
  parentCode: string | null;
  side: Side;
}

export interface KeyIndustry {
  code: string;
  name: string;
  group: string;
  gbtCodes: string[];
  keywords: string[];
}

export interface Industry {
  code: string;
  name: string;
  parentCode: string | null;
  level: string | number;
}

export interface Discipline {
  code: string;
  name: string;
  parentCode: string | null;
  level: string | number;
}

export const referenceApi = {
  regions: (query?: { level?: 'province' | 'city' | 'county' | 'town'; parentCode?: string }) => http.get<Region[]>('/reference/regions', query),
  keyIndustries: () => http.get<KeyIndustry[]>('/reference/key-industries'),
  industries: (query?: { level?: number }) => http.get<Industry[]>('/reference/industries', query),
  disciplines: () => http.get<Discipline[]>('/reference/disciplines'),
};
