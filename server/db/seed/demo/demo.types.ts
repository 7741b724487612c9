/**
 * The shape of the demo data set. The generator (`generate-demo.ts`) produces these plain
 * records; the seed service inserts them. Cross-references use natural keys (USCC for
 * organizations, `ref` for experts, demands, achievements; `name` for demand lists and pools)
 * so the generator stays independent of database ids.
 */
export type OrganizationKind =
  | 'enterprise' | 'university' | 'institute' | 'society' | 'hospital' | 'park' | 'agency';

export type Confidentiality = 'public' | 'summary' | 'confidential';

export type DemandStatus =
  | 'draft' | 'submitted' | 'returned' | 'published' | 'matched'
  | 'negotiating' | 'contracted' | 'closed' | 'withdrawn';

export type CooperationMode =
  | '技术开发' | '技术转让' | '技术许可' | '技术咨询' | '技术服务' | '联合攻关' | '人才引进' | '共建平台';

export interface DemoOrganization {
  uscc: string;              // 18 chars, valid GB 32100-2015 check digit
  name: string;
  kind: OrganizationKind;
  regionCode: string;        // county (6 digits) or city (4) or province (2) code
  industryCode?: string;     // GB/T 4754 大类 code, e.g. '15'
  keyIndustry?: string;      // code of a key industry (server/reference/key-industries.json)
  description: string;
  contactName: string;
  phone: string;
  email: string;
  website?: string;
}

export interface DemoPublication {
  title: string;
  abstract: string;
  keywords: string[];
  year: number;
  venue: string;
  coauthors: string[];       // other authors' names (may include other demo experts' names)
}

export interface DemoExpert {
  ref: string;               // e.g. 'EXP-0001'
  name: string;
  gender: 'male' | 'female';
  birthYear: number;
  title: string;             // 职称: 教授 研究员 高级工程师 副教授 …
  organizationUscc: string;
  disciplines: string[];     // discipline codes (server/reference/disciplines.json)
  fields: string[];          // research fields / keywords in Chinese
  keyIndustries: string[];   // key-industry codes
  bio: string;
  email: string;
  phone: string;
  orcid?: string;            // valid ISO 7064 11,2 check digit when present
  pools: string[];           // expert-pool names, e.g. '银川市专家智库', '百名专家库'
  publications: DemoPublication[]; // 3–10
}

export interface DemoExpertPool { name: string; description: string; regionCode?: string; }

export interface DemoDemandList {
  name: string;              // e.g. '2023年银川市企业技术需求调查清单'
  source: 'survey' | 'conference' | 'society' | 'platform';
  regionCode: string;
  year: number;
  description: string;
}

export interface DemoDemand {
  ref: string;               // e.g. 'DEM-0001'
  listName: string;
  organizationUscc: string;  // the enterprise that states the need
  title: string;
  description: string;       // 150–500 chars of realistic Chinese
  keywords: string[];
  industryCode?: string;     // GB/T 4754 大类
  keyIndustry?: string;
  disciplineCode?: string;
  budget?: number;           // 万元
  cooperationMode: CooperationMode;
  deadline?: string;         // ISO date
  confidentiality: Confidentiality;
  status: DemandStatus;
  createdAt: string;         // ISO timestamp, within the last ~2 years
}

export interface DemoAchievement {
  ref: string;               // e.g. 'ACH-0001'
  title: string;
  summary: string;
  keywords: string[];
  kind: 'patent' | 'variety' | 'software' | 'process' | 'equipment' | 'material' | 'standard';
  maturity: number;          // TRL 1–9
  transferMode: '转让' | '许可' | '作价入股' | '合作开发' | '技术服务';
  price?: number;            // 万元
  organizationUscc: string;
  expertRef?: string;
  disciplineCode?: string;
  industryCode?: string;
  keyIndustry?: string;
  status: 'draft' | 'published' | 'transferred' | 'withdrawn';
  createdAt: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  password: string;          // demo passwords are printed at start-up
  role: 'admin' | 'operator' | 'region_officer' | 'enterprise_member' | 'expert' | 'reviewer';
  regionCode?: string;       // region officers
  organizationUscc?: string; // enterprise members
  expertRef?: string;        // experts
}

export interface DemoDataSet {
  organizations: DemoOrganization[];
  expertPools: DemoExpertPool[];
  experts: DemoExpert[];
  demandLists: DemoDemandList[];
  demands: DemoDemand[];
  achievements: DemoAchievement[];
  users: DemoUser[];
}
