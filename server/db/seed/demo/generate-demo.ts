/**
 * The deterministic demo data set: organizations, experts with publications, demand lists
 * and demands, achievements, expert pools and demo accounts, sized by the figures in the
 * domain digest (≈170 organizations, ≈450 experts, ≈340 demands in named lists, ≈800
 * achievements). Text is assembled from per-industry vocabularies so that a 枸杞 demand, a
 * 枸杞 paper and a 枸杞 achievement speak the same language and matching has something real
 * to find. Same seed → same data, on any machine: no Math.random, no clock.
 */
import type {
  Confidentiality,
  CooperationMode,
  DemandStatus,
  DemoAchievement,
  DemoDataSet,
  DemoDemand,
  DemoDemandList,
  DemoExpert,
  DemoExpertPool,
  DemoOrganization,
  DemoPublication,
  DemoUser,
  OrganizationKind,
} from './demo.types.js';
import { createRng, fillNumbers, weightedPicker, type Rng } from './prng.js';
import { INDUSTRY_VOCABULARY, type IndustryVocabulary, type Topic } from './vocabulary-industries.js';
import {
  BRAND_WORDS,
  FREE_MAIL_DOMAINS,
  GIVEN_FEMALE,
  GIVEN_MALE,
  HONOURS,
  INSTITUTE_TITLES,
  LOCAL_LINKS,
  LOCAL_TITLES,
  MOBILE_PREFIXES,
  NINGXIA_LINKS,
  ROLES_OTHER,
  ROLES_SENIOR,
  SURNAMES,
  UNIVERSITY_TITLES,
} from './vocabulary-people.js';
import { EASTERN_ACADEMIC, NINGXIA_ACADEMIC, PUBLIC_BODIES, type AcademicOrganization } from './catalog-organizations.js';
import { USCC_CHARSET, orcidCheckDigit, usccCheckDigit } from '../../../shared/codes.js';
import { loadReference } from '../../../reference/reference.js';

/** The password of every demo account; printed at start-up and in the README. */
export const DEMO_PASSWORD = 'Shanhai@2024';

/** “Today” for the demo: every date is placed relative to it, never to the clock. */
export const DEMO_REFERENCE_DATE = '2026-06-30';

const REF_MS = Date.UTC(2026, 5, 30, 12, 0, 0);
const DAY_MS = 86_400_000;

/** Target sizes at scale 1, from the domain figures. */
const TARGET = { experts: 450, achievements: 800 };

const VOCAB_BY_CODE = new Map(INDUSTRY_VOCABULARY.map((v) => [v.code, v]));

// ---------------------------------------------------------------------------------------
// Small builders

interface PersonName { name: string; pinyin: string; gender: 'male' | 'female' }

const pickSurname = weightedPicker(SURNAMES.map(([s, p, w]) => [[s, p] as const, w] as const));

function makePerson(rng: Rng, gender?: 'male' | 'female'): PersonName {
  const g = gender ?? (rng.chance(0.68) ? 'male' : 'female');
  const [surname, sp] = pickSurname(rng);
  const pool = g === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const first = rng.pick(pool);
  // About a third of names are single-character given names, as in real rosters.
  if (rng.chance(0.32)) return { name: surname + first[0], pinyin: sp + first[1], gender: g };
  let second = rng.pick(pool);
  while (second[0] === first[0]) second = rng.pick(pool);
  return { name: surname + first[0] + second[0], pinyin: sp + first[1] + second[1], gender: g };
}

function makePhone(rng: Rng): string {
  let rest = '';
  for (let i = 0; i < 8; i++) rest += String(rng.int(0, 9));
  return rng.pick(MOBILE_PREFIXES) + rest;
}

const ORG_CODE_CHARS = USCC_CHARSET.replace(/[0-9]/g, '');

/** GB 11714 check character of an 8-character organization code body. */
function orgCodeCheck(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body[i];
    const v = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * weights[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const USCC_PREFIX: Record<OrganizationKind, string> = {
  enterprise: '91', // 工商 + 企业
  university: '12', // 机构编制 + 事业单位
  institute: '12',
  hospital: '12',
  agency: '11', // 机构编制 + 机关
  park: '11',
  society: '51', // 民政 + 社会团体
};

/** A USCC with a valid check character (GB 32100-2015), unique within `used`. */
function makeUscc(rng: Rng, kind: OrganizationKind, regionCode: string, used: Set<string>): string {
  const area = regionCode.padEnd(6, '0');
  for (;;) {
    let body: string;
    if (kind === 'enterprise') {
      // Codes issued since 2015 start with MA.
      body = 'MA';
      for (let i = 0; i < 6; i++) body += rng.chance(0.5) ? String(rng.int(0, 9)) : rng.pick([...ORG_CODE_CHARS]);
    } else {
      body = '';
      for (let i = 0; i < 8; i++) body += String(rng.int(0, 9));
    }
    const first17 = USCC_PREFIX[kind] + area + body + orgCodeCheck(body);
    const uscc = first17 + usccCheckDigit(first17);
    if (!used.has(uscc)) {
      used.add(uscc);
      return uscc;
    }
  }
}

function makeOrcid(rng: Rng, used: Set<string>): string {
  for (;;) {
    let digits = '000' + String(rng.int(0, 3));
    for (let i = 0; i < 11; i++) digits += String(rng.int(0, 9));
    const full = digits + orcidCheckDigit(digits);
    const orcid = `${full.slice(0, 4)}-${full.slice(4, 8)}-${full.slice(8, 12)}-${full.slice(12)}`;
    if (!used.has(orcid)) {
      used.add(orcid);
      return orcid;
    }
  }
}

/** Plain code-point order: locale collation differs between ICU builds, output must not. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

function dateOnly(ms: number): string {
  return isoAt(ms).slice(0, 10);
}

/** A moment between two instants, at a plausible office hour (Beijing 08:00–19:00). */
function momentBetween(rng: Rng, fromMs: number, toMs: number): number {
  const day = Math.floor((fromMs + rng.next() * (toMs - fromMs)) / DAY_MS) * DAY_MS;
  // 00:00–11:00 UTC is 08:00–19:00 in Beijing.
  return Math.min(day + rng.int(0, 11 * 60) * 60_000 + rng.int(0, 59) * 1000, REF_MS);
}

function yearSpan(year: number): [number, number] {
  return [Date.UTC(year, 0, 2), Math.min(Date.UTC(year, 11, 28), REF_MS)];
}

function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    out[i]++;
    rest--;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Organizations

interface OrgInfo {
  org: DemoOrganization;
  /** Key industries it works in (enterprises: one; academics: strengths). */
  industries: string[];
  academic?: AcademicOrganization;
}

const ref = loadReference();
const NINGXIA_COUNTIES = ref.regions.list.filter((r) => r.level === 'county' && r.code.startsWith('64'));
const regionName = (code: string) => ref.regions.byCode.get(code)?.name ?? '';
const cityOf = (code: string) => (code.length === 6 ? code.slice(0, 4) : code);

function enterpriseDescription(rng: Rng, name: string, v: IndustryVocabulary, county: string): string {
  const founded = rng.int(2003, 2021);
  const staff = rng.int(40, 900);
  const rd = Math.max(4, Math.round(staff * rng.int(6, 18) / 100));
  const honours = rng.pick([
    '是国家高新技术企业',
    '是自治区科技型中小企业',
    '是自治区级专精特新中小企业',
    '建有自治区级企业技术中心',
    ...(v.code.startsWith('T') ? ['是自治区农业产业化重点龙头企业', '是国家级农业产业化重点龙头企业'] : []),
  ]);
  const products = rng.sample(v.products, Math.min(3, v.products.length)).join('、');
  return `${name}成立于${founded}年，位于${regionName(cityOf(county))}${regionName(county)}，主要从事${v.business}，${honours}。公司现有员工${staff}人，其中研发人员${rd}人，主要产品和服务包括${products}。`;
}

function academicDescription(a: AcademicOrganization): string {
  const fields = a.strengths
    .map((c) => ref.keyIndustries.byCode.get(c)?.name)
    .filter((n): n is string => Boolean(n))
    .slice(0, 4)
    .join('、');
  const what = a.kind === 'university' ? '高等学校' : '科研机构';
  return `${a.name}是${regionName(a.regionCode.slice(0, 2))}的${what}，在${a.profile}等方面具有较强的研究基础。近年来围绕宁夏${fields}等产业需求，与区内企业开展技术攻关、成果转化和人才培养合作。`;
}

function buildOrganizations(seed: number, scale: number, usedUscc: Set<string>) {
  const rng = createRng(seed, 'organizations');
  const infos: OrgInfo[] = [];

  for (const body of PUBLIC_BODIES) {
    const contact = makePerson(rng);
    infos.push({
      industries: [],
      org: {
        uscc: makeUscc(rng, body.kind, body.regionCode, usedUscc),
        name: body.name,
        kind: body.kind,
        regionCode: body.regionCode,
        description: body.description,
        contactName: contact.name,
        phone: makePhone(rng),
        email: `${contact.pinyin}@${body.domain}`,
        website: `https://${body.domain}`,
      },
    });
  }

  for (const a of [...NINGXIA_ACADEMIC, ...EASTERN_ACADEMIC]) {
    const contact = makePerson(rng);
    infos.push({
      industries: a.strengths,
      academic: a,
      org: {
        uscc: makeUscc(rng, a.kind, a.regionCode, usedUscc),
        name: a.name,
        kind: a.kind,
        regionCode: a.regionCode,
        industryCode: a.kind === 'university' ? '83' : '73',
        description: academicDescription(a),
        contactName: contact.name,
        phone: makePhone(rng),
        email: `kjc_${contact.pinyin}@${a.domain}`,
        website: `https://www.${a.domain}`,
      },
    });
  }

  // Enterprises: first decide industry and county for each, then make sure every Ningxia
  // county has at least one (officers of any county see something), then name them.
  const counts = INDUSTRY_VOCABULARY.map((v) => Math.max(1, Math.round(v.enterprises * scale)));
  const slots: { v: IndustryVocabulary; county: string }[] = [];
  INDUSTRY_VOCABULARY.forEach((v, i) => {
    for (let k = 0; k < counts[i]; k++) slots.push({ v, county: rng.weighted(v.counties) });
  });
  const ningxiaCounties = ref.regions.list.filter((r) => r.level === 'county' && r.code.startsWith('64')).map((r) => r.code);
  for (const county of ningxiaCounties) {
    if (slots.some((s) => s.county === county)) continue;
    const perCounty = (c: string) => slots.filter((s) => s.county === c).length;
    const movable = slots.find((s) => s.v.counties.some(([c]) => c === county) && perCounty(s.county) >= 3);
    if (movable) movable.county = county;
  }

  const usedNames = new Set<string>();
  const usedBrands = new Set<string>();
  const cityShort = (county: string) => ref.regions.byCode.get(cityOf(county))?.shortName ?? '宁夏';
  const perIndustry = new Map<string, number>();
  slots.forEach(({ v, county }) => {
    const k = perIndustry.get(v.code) ?? 0;
    perIndustry.set(v.code, k + 1);
    // The industry's own brand words first, then generic ones; never two firms on one brand.
    const brandChoices = [...v.brands.slice(k), ...rng.shuffle(v.brands.slice(0, k)), ...rng.shuffle(BRAND_WORDS)];
    let brand: [string, string] = brandChoices[0];
    let name = '';
    for (const candidate of brandChoices) {
      if (usedBrands.has(candidate[0])) continue;
      brand = candidate;
      const countyRow = ref.regions.byCode.get(county)!;
      // Enterprises are named after the region they registered in: most “宁夏…”, some after
      // their city, county-town firms after their county (districts are rarely used).
      const prefix = rng.weighted<string>([
        ['宁夏', 6],
        [cityShort(county), 2.5],
        [countyRow.name.endsWith('区') ? cityShort(county) : countyRow.name, 1.5],
      ]);
      name = prefix + brand[0] + rng.pick(v.suffixes);
      if (!usedNames.has(name)) break;
    }
    usedNames.add(name);
    usedBrands.add(brand[0]);
    const contact = makePerson(rng);
    const hasSite = rng.chance(0.55);
    const domain = `nx${brand[1]}.com`;
    infos.push({
      industries: [v.code],
      org: {
        uscc: makeUscc(rng, 'enterprise', county, usedUscc),
        name,
        kind: 'enterprise',
        regionCode: county,
        industryCode: rng.pick(v.gbt),
        keyIndustry: v.code,
        description: enterpriseDescription(rng, name, v, county),
        contactName: contact.name,
        phone: makePhone(rng),
        email: hasSite ? `${contact.pinyin}@${domain}` : `nx${brand[1]}${rng.int(1, 99)}@${rng.pick(FREE_MAIL_DOMAINS)}`,
        ...(hasSite ? { website: `https://www.${domain}` } : {}),
      },
    });
  });
  return infos;
}

// ---------------------------------------------------------------------------------------
// Publications

/** Journals by discipline, so a paper on 巴氏杀菌乳 lands in a food journal, not an animal one. */
const DISCIPLINE_VENUES: Record<string, string[]> = {
  '0703': ['分析化学', '高等学校化学学报', '食品科学'],
  '0705': ['地理研究', '干旱区资源与环境'],
  '0710': ['微生物学通报', '生物工程学报'],
  '0802': ['机械工程学报', '中国机械工程', '机械设计与制造'],
  '0804': ['仪器仪表学报', '自动化仪表'],
  '0805': ['材料导报', '无机材料学报', '材料工程', '硅酸盐学报'],
  '0806': ['中国有色金属学报', '稀有金属', '钢铁研究学报'],
  '0807': ['热力发电', '工程热物理学报', '中国电机工程学报'],
  '0808': ['电力系统自动化', '电网技术', '中国电机工程学报', '太阳能学报'],
  '0810': ['通信学报', '电子与信息学报'],
  '0811': ['控制与决策', '自动化学报', '计算机集成制造系统'],
  '0812': ['计算机学报', '计算机研究与发展', '计算机工程与应用', '软件学报'],
  '0817': ['化工学报', '化工进展', '石油化工', '燃料化学学报'],
  '0821': ['纺织学报', '毛纺科技', '印染'],
  '0822': ['中国造纸学报', '皮革科学与工程'],
  '0823': ['交通运输系统工程与信息', '中国流通经济'],
  '0828': ['农业工程学报', '农业机械学报'],
  '0830': ['环境工程学报', '环境科学', '水处理技术'],
  '0831': ['中国生物医学工程学报', '生物医学工程学杂志'],
  '0832': ['食品科学', '食品工业科技', '中国食品学报', '食品与发酵工业', '农业工程学报'],
  '0836': ['生物工程学报', '食品与发酵工业'],
  '0837': ['中国安全科学学报', '安全与环境学报'],
  '0839': ['信息网络安全', '通信学报'],
  '0901': ['作物学报', '中国农业科学'],
  '0902': ['园艺学报', '中国蔬菜', '北方园艺'],
  '0903': ['植物营养与肥料学报', '农业环境科学学报'],
  '0904': ['植物保护学报', '植物保护', '中国生物防治学报'],
  '0905': ['中国畜牧杂志', '动物营养学报', '畜牧兽医学报'],
  '0906': ['畜牧兽医学报', '中国兽医科学', '中国预防兽医学报'],
  '0909': ['草业学报', '草地学报'],
  '1002': ['中国全科医学', '中华老年医学杂志'],
  '1007': ['中草药', '药学学报'],
  '1011': ['中华护理杂志', '护理研究'],
  '1201': ['系统工程理论与实践', '中国管理科学', '物流技术'],
  '1202': ['旅游学刊', '管理世界', '商业经济研究'],
  '1203': ['农业经济问题', '中国农村经济'],
  '0202': ['金融研究', '保险研究'],
  '1301': ['装饰', '文艺研究'],
  '1404': ['遥感学报', '测绘学报'],
};

function venueFor(rng: Rng, t: Topic, v: IndustryVocabulary): string {
  const byDiscipline = DISCIPLINE_VENUES[t.disciplines[0]];
  // Industry journals (中外葡萄与葡萄酒, 宁夏农林科技) now and then, the discipline's otherwise.
  return byDiscipline && rng.chance(0.75) ? rng.pick(byDiscipline) : rng.pick(v.venues);
}

const LAB_ANALYSES = ['响应面法', '正交试验', 'Box-Behnken设计', '单因素试验结合响应面法'];
const MODEL_STEPS = [
  '构建了多因素耦合的预测模型',
  '引入注意力机制提取关键特征',
  '采用改进的粒子群算法对模型参数寻优',
  '建立了数据驱动的评估与决策模型',
  '设计了分层协同的控制架构',
];
const MODEL_SUFFIXES = ['优化策略研究', '关键技术研究', '系统设计与实现', '研究进展', '评估方法研究'];

/**
 * Joins two phrases, dropping a repeated overlap: 黑果枸杞花青素 + 花青素保留率 →
 * 黑果枸杞花青素保留率, not …花青素花青素保留率.
 */
function join(a: string, b: string): string {
  for (let k = Math.min(a.length, b.length); k >= 2; k--) if (a.endsWith(b.slice(0, k))) return a + b.slice(k);
  return a + b;
}

function pct(rng: Rng, lo = 8, hi = 45): string {
  return (rng.int(lo * 10, hi * 10) / 10).toFixed(1);
}

function isAnimal(t: Topic): boolean {
  return t.disciplines.some((d) => d === '0905' || d === '0906');
}

function isHuman(t: Topic): boolean {
  return t.disciplines.some((d) => d.startsWith('10'));
}

function regionPhrase(county: string, industry: string): string {
  if (industry === 'T01') return '贺兰山东麓产区';
  if (county.startsWith('6404')) return '南部山区';
  if (['640323', '640324', '640303', '640522'].includes(county)) return '中部干旱带';
  return '引黄灌区';
}

function publicationTitle(rng: Rng, t: Topic, county: string): string {
  const [f1, f2] = rng.sample(t.factors, 2);
  const [i1, i2] = rng.sample(t.indicators, 2);
  const method = rng.pick(t.methods);
  const site = `宁夏${regionName(county).replace(/[区县市]$/, '')}`;
  if (t.style === 'lab') {
    return rng.pick([
      () => `${rng.pick(LAB_ANALYSES)}优化${t.subject}${t.process}工艺`,
      () => `${f1}对${join(t.subject, i1)}的影响`,
      () => `${method}对${join(t.subject, i1)}及${i2}的影响`,
      () => `${t.subject}${t.process}过程中${i1}变化规律研究`,
      () => `基于${method}的${t.subject}${t.process}工艺研究`,
      () => `${method}在${t.subject}${t.process}中的应用`,
      () => `${f1}和${f2}对${join(t.subject, i1)}的交互影响`,
    ])();
  }
  if (t.style === 'model') {
    return rng.pick([
      () => `基于${method}的${t.subject}${t.process}方法`,
      () => `考虑${f1}的${t.subject}${t.process}模型研究`,
      () => `${t.subject}${t.process}${rng.pick(MODEL_SUFFIXES)}`,
      () => `面向西北地区的${t.subject}${t.process}研究`,
      () => `${method}在${t.subject}${t.process}中的应用`,
      () => `融合${method}与${rng.pick(t.methods.filter((m) => m !== method).concat(['多源数据']))}的${t.subject}${t.process}方法`,
    ])();
  }
  return rng.pick([
    () => `${f1}对${site}${join(t.subject, i1)}的影响`,
    () => `不同${f1}对${join(t.subject, i1)}和${i2}的影响`,
    () => `${method}在${site}${t.subject}${t.process}中的应用效果`,
    () => `${site}${t.subject}${t.process}技术模式研究`,
    () => `${t.subject}${t.process}关键技术集成与示范`,
  ])();
}

function publicationAbstract(rng: Rng, t: Topic, v: IndustryVocabulary, county: string): string {
  const [f1, f2, f3] = rng.shuffle(t.factors);
  const [i1, i2, i3] = rng.shuffle(t.indicators);
  const [m1, m2] = rng.sample(t.methods, 2);
  if (t.style === 'lab') {
    // Raw material comes from a producing county, not from a city district.
    const farm = ['640104', '640105', '640106'].includes(county) ? '640521' : county;
    const origin = v.code.startsWith('T') ? `（原料产自宁夏${regionName(farm)}）` : '';
    const opening = rng.pick([`针对${t.subject}${t.process}过程中${t.issue}的问题，`, `为解决${t.issue}问题，`, '']);
    const tail = rng.pick(['也得到明显改善', '保持在较高水平', '与对照相比差异显著（P<0.05）']);
    const validation = rng.pick([
      '中试验证结果与模型预测值吻合良好。',
      `经${rng.int(2, 5)}批次中试验证，工艺稳定可靠。`,
      '',
    ]);
    return `${opening}以${t.subject}为研究对象${origin}，采用${m1}，考察了${f1}、${f2}和${f3}对${i1}、${i2}的影响，并采用${rng.pick(LAB_ANALYSES)}对工艺参数进行优化。结果表明：${f1}对${i1}的影响最为显著，在最优条件下${i1}较对照改善${pct(rng)}%，${i2}改善${pct(rng, 5, 30)}%，${i3}${tail}。${validation}该研究可为${v.application}提供理论依据和技术参考。`;
  }
  if (t.style === 'model') {
    const closing = rng.pick(['研究成果已在示范工程中得到应用，', '该方法具有较好的工程实用性，', '']);
    return `针对${t.subject}${t.process}中${t.issue}的问题，提出了一种基于${m1}的${t.process}方法。该方法综合考虑${f1}、${f2}和${f3}等因素，${rng.pick(MODEL_STEPS)}，并结合${m2}提高了方法的适应性。以宁夏某示范项目的实际运行数据为例进行验证，结果表明，与传统方法相比，${i1}改善${pct(rng)}%，${i2}改善${pct(rng, 5, 30)}%。${closing}可为${v.application}提供技术支撑。`;
  }
  const trial = isAnimal(t) ? '饲养试验' : isHuman(t) ? '干预研究' : '田间试验';
  const unit = isAnimal(t) || isHuman(t) ? '组' : '处理';
  const place = regionName(county);
  return `为明确${f1}对${join(t.subject, i1)}的影响，在宁夏${place}开展了连续${rng.int(2, 3)}年的${trial}，设置${rng.int(3, 6)}个${unit}，测定了${i1}、${i2}和${i3}等指标。结果表明：${m1}${unit}的${i1}较对照提高${pct(rng, 6, 35)}%，${i2}改善${pct(rng, 5, 25)}%，差异达显著水平（P<0.05）。综合分析认为，${m1}结合${f2}调控是适宜宁夏${regionPhrase(county, v.code)}的${t.subject}${t.process}技术模式，可为${v.application}提供参考。`;
}

// ---------------------------------------------------------------------------------------
// Experts

interface ExpertPlan {
  primary: IndustryVocabulary;
  org: OrgInfo;
  topics: { v: IndustryVocabulary; t: Topic }[];
}

function pickHome(rng: Rng, code: string, academics: OrgInfo[]): OrgInfo {
  const weightIn = (o: OrgInfo) => {
    const at = o.industries.indexOf(code);
    return at < 0 ? 0 : 1 / (1 + at * 0.5);
  };
  const local = academics.filter((o) => o.org.regionCode.startsWith('64') && weightIn(o) > 0);
  const eastern = academics.filter((o) => !o.org.regionCode.startsWith('64') && weightIn(o) > 0);
  const pool = local.length > 0 && (eastern.length === 0 || rng.chance(0.16)) ? local : eastern;
  return rng.weighted(pool.map((o) => [o, weightIn(o)] as const));
}

function titleFor(rng: Rng, o: OrgInfo): string {
  if (o.org.regionCode.startsWith('64')) return rng.weighted(LOCAL_TITLES);
  return rng.weighted(o.org.kind === 'university' ? UNIVERSITY_TITLES : INSTITUTE_TITLES);
}

function birthYearFor(rng: Rng, title: string): number {
  if (/讲师|助理/.test(title)) return rng.int(1986, 1995);
  if (/副/.test(title)) return rng.int(1976, 1990);
  return rng.int(1960, 1984);
}

function expertBio(rng: Rng, p: PersonName, birthYear: number, title: string, o: OrgInfo, fields: string[]): string {
  const senior = !/副|讲师|助理/.test(title);
  const role = senior ? rng.pick(ROLES_SENIOR) : rng.pick(ROLES_OTHER);
  const degree = rng.weighted<string>([['博士', 9], ['硕士', 1]]);
  const projects = senior ? rng.int(6, 25) : rng.int(2, 8);
  const papers = senior ? rng.int(60, 260) : rng.int(15, 70);
  const patents = rng.int(2, senior ? 30 : 10);
  const local = o.org.regionCode.startsWith('64');
  const link = fillNumbers(rng.pick(local ? LOCAL_LINKS : NINGXIA_LINKS), rng)
    .replace('{county}', rng.pick(NINGXIA_COUNTIES).name)
    .replace('{n}', String(rng.int(3, 12)))
    .replace('{m}', String(rng.int(1, 6)));
  const honour = senior && rng.chance(0.55) ? `${fillNumbers(rng.pick(HONOURS), rng)}。` : '';
  const [a, b, c] = fields;
  const fieldText = c ? `${a}、${b}和${c}` : b ? `${a}和${b}` : a;
  return `${p.name}，${p.gender === 'male' ? '男' : '女'}，${birthYear}年生，${degree}，${o.org.name}${title}，${role}。长期从事${fieldText}等方面的研究，主持国家自然科学基金、国家重点研发计划课题等科研项目${projects}项，发表学术论文${papers}篇，授权发明专利${patents}项。${honour}${link}`;
}

function buildExperts(seed: number, scale: number, infos: OrgInfo[]) {
  const rng = createRng(seed, 'experts');
  const academics = infos.filter((o) => o.academic);
  const total = Math.max(INDUSTRY_VOCABULARY.length, Math.round(TARGET.experts * scale));
  const perIndustry = allocate(total, INDUSTRY_VOCABULARY.map((v) => v.experts)).map((n) => Math.max(1, n));

  const plans: ExpertPlan[] = [];
  // The first expert backs the demo `expert` account: a food scientist at 江南大学 whose
  // papers are all on 枸杞 drying, polysaccharides and juice, so the account sees matches.
  const gouqi = VOCAB_BY_CODE.get('T02')!;
  const jiangnan = academics.find((o) => o.org.name === '江南大学')!;
  plans.push({ primary: gouqi, org: jiangnan, topics: [0, 1, 3].map((i) => ({ v: gouqi, t: gouqi.topics[i] })) });
  INDUSTRY_VOCABULARY.forEach((v, i) => {
    const n = perIndustry[i] - (v.code === 'T02' ? 1 : 0);
    for (let k = 0; k < n; k++) {
      const org = pickHome(rng, v.code, academics);
      const topics = rng.sample(v.topics, rng.int(2, Math.min(3, v.topics.length))).map((t) => ({ v, t }));
      // Some experts span two industries their institution is active in.
      const others = org.industries.filter((c) => c !== v.code && VOCAB_BY_CODE.has(c));
      if (others.length > 0 && rng.chance(0.28)) {
        const sv = VOCAB_BY_CODE.get(rng.pick(others))!;
        topics.push({ v: sv, t: rng.pick(sv.topics) });
      }
      plans.push({ primary: v, org, topics });
    }
  });

  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  const usedOrcids = new Set<string>();
  const experts: DemoExpert[] = [];
  const orgOfExpert = new Map<string, OrgInfo>();

  plans.forEach((plan, idx) => {
    const ref_ = `EXP-${String(idx + 1).padStart(4, '0')}`;
    let person = makePerson(rng);
    while (usedNames.has(person.name)) person = makePerson(rng);
    usedNames.add(person.name);
    const title = idx === 0 ? '教授' : titleFor(rng, plan.org);
    const birthYear = birthYearFor(rng, title);
    const disciplines = [...new Set(plan.topics.flatMap(({ t }) => t.disciplines))].slice(0, idx === 0 ? 1 : 3);
    const fields = [
      ...new Set(plan.topics.flatMap(({ t }) => [`${t.subject}${t.process}`, rng.pick(t.methods)])),
    ].slice(0, 6);
    const keyIndustries = [...new Set(plan.topics.map(({ v }) => v.code))];
    const domain = plan.org.academic!.domain;
    let email = `${person.pinyin}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${person.pinyin}${n}@${domain}`;
    usedEmails.add(email);

    const countiesOf = (v: IndustryVocabulary) => v.counties.map(([c]) => c);
    const nPubs = idx === 0 ? 8 : rng.int(3, 10);
    const titles = new Set<string>();
    const publications: DemoPublication[] = [];
    for (let k = 0; k < nPubs; k++) {
      // Most papers are on the expert's primary topics; the secondary one shows up less.
      const { v, t } = k < 2 ? plan.topics[k % plan.topics.length] : rng.pick(plan.topics);
      const county = rng.pick(countiesOf(v));
      let title = publicationTitle(rng, t, county);
      for (let tries = 0; titles.has(title) && tries < 12; tries++) title = publicationTitle(rng, t, county);
      if (titles.has(title)) continue;
      titles.add(title);
      const coauthors = Array.from({ length: rng.int(2, 5) }, () => makePerson(rng).name);
      publications.push({
        title,
        abstract: publicationAbstract(rng, t, v, county),
        keywords: [...new Set([...rng.sample(t.keywords, rng.int(3, 4)), rng.pick(t.methods)])],
        year: rng.weighted([[2016, 1], [2017, 1], [2018, 1.5], [2019, 1.5], [2020, 2], [2021, 2], [2022, 2.5], [2023, 3], [2024, 3], [2025, 3], [2026, 1]] as const),
        venue: venueFor(rng, t, v),
        coauthors,
      });
    }
    publications.sort((a, b) => b.year - a.year || byCodePoint(a.title, b.title));

    const expert: DemoExpert = {
      ref: ref_,
      name: person.name,
      gender: person.gender,
      birthYear,
      title,
      organizationUscc: plan.org.org.uscc,
      disciplines,
      fields,
      keyIndustries,
      bio: expertBio(rng, person, birthYear, title, plan.org, fields),
      email,
      phone: makePhone(rng),
      ...(rng.chance(0.35) ? { orcid: makeOrcid(rng, usedOrcids) } : {}),
      pools: [],
      publications,
    };
    experts.push(expert);
    orgOfExpert.set(ref_, plan.org);
  });

  // Colleagues at one institution in one industry write together: put their names among
  // each other's coauthors so coauthorship links in the demo are real.
  const groups = new Map<string, DemoExpert[]>();
  for (const e of experts) {
    const key = `${e.organizationUscc}|${e.keyIndustries[0]}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    for (const e of members) {
      for (const p of e.publications) {
        if (!rng.chance(0.4)) continue;
        const other = rng.pick(members.filter((m) => m !== e));
        if (!p.coauthors.includes(other.name)) p.coauthors.splice(rng.int(0, p.coauthors.length), 0, other.name);
      }
    }
  }
  return { experts, plans };
}

// ---------------------------------------------------------------------------------------
// Expert pools

const YINCHUAN_INDUSTRIES = ['N01', 'N02', 'N03', 'N04', 'T01', 'T02', 'T03', 'Y01', 'Y04'];

function buildPools(seed: number, scale: number, experts: DemoExpert[], infos: OrgInfo[]): DemoExpertPool[] {
  const rng = createRng(seed, 'pools');
  const orgByUscc = new Map(infos.map((o) => [o.org.uscc, o]));
  const pools: DemoExpertPool[] = [
    { name: '银川市专家智库', regionCode: '6401', description: '银川市建设“科创中国”创新枢纽城市组建的专家智库，覆盖新型材料、清洁能源、装备制造、数字信息、葡萄酒、枸杞、奶产业、文化旅游、健康养老等9个重点产业，为企业技术需求提供诊断和对接服务。' },
    { name: '百名专家库', regionCode: '64', description: '自治区科协依托全国学会遴选的百名专家，按照“企业提需求、学会送服务、科协搭平台、地方汇资源”的方式开展精准服务。' },
    { name: '枸杞产业科技服务团', regionCode: '64', description: '围绕枸杞种植、病虫害绿色防控、制干和精深加工组建的产业科技服务团，深入中宁、沙坡头等主产区开展技术服务。' },
    { name: '葡萄酒产业科技服务团', regionCode: '64', description: '服务贺兰山东麓葡萄酒产区的专家团队，覆盖酿酒葡萄栽培、病害防控、酿造工艺和品质提升。' },
    { name: '院士专家宁夏行专家团', regionCode: '64', description: '“院士专家宁夏行”活动的专家团，赴宁夏企业和园区开展考察指导、技术咨询和学术报告。' },
  ];
  const senior = (e: DemoExpert) => /^(教授|研究员|正高级工程师)$/.test(e.title);
  for (const e of experts) {
    if (YINCHUAN_INDUSTRIES.includes(e.keyIndustries[0]) || rng.chance(0.3)) e.pools.push('银川市专家智库');
  }
  const hundred = rng.sample(experts.filter(senior), Math.max(1, Math.round(100 * scale)));
  for (const e of hundred) e.pools.push('百名专家库');
  for (const e of experts) {
    if (e.keyIndustries.includes('T02')) e.pools.push('枸杞产业科技服务团');
    if (e.keyIndustries.includes('T01')) e.pools.push('葡萄酒产业科技服务团');
  }
  const eastSenior = experts.filter((e) => senior(e) && !orgByUscc.get(e.organizationUscc)!.org.regionCode.startsWith('64'));
  for (const e of rng.sample(eastSenior, Math.max(1, Math.round(60 * scale)))) e.pools.push('院士专家宁夏行专家团');
  // Keep pool order stable and independent of the order the rules ran in.
  const order = pools.map((p) => p.name);
  for (const e of experts) e.pools.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return pools;
}

// ---------------------------------------------------------------------------------------
// Demand lists and demands

interface ListPlan {
  list: DemoDemandList;
  count: number;
  /** Which enterprises may state demands in it. */
  accepts: (o: OrgInfo) => boolean;
  span: [number, number];
  statuses: [DemandStatus, number][];
}

const STATUS_RECENT: [DemandStatus, number][] = [
  ['published', 50], ['matched', 10], ['negotiating', 7], ['contracted', 6], ['closed', 4],
  ['submitted', 8], ['draft', 6], ['returned', 4], ['withdrawn', 5],
];
const STATUS_OLD: [DemandStatus, number][] = [
  ['published', 30], ['matched', 12], ['negotiating', 8], ['contracted', 20], ['closed', 22], ['withdrawn', 8],
];

const MODES: [CooperationMode, number][] = [
  ['技术开发', 34], ['联合攻关', 20], ['技术服务', 14], ['技术咨询', 8], ['技术转让', 9], ['技术许可', 4], ['人才引进', 5], ['共建平台', 6],
];

const MODE_PHRASE: Record<CooperationMode, string> = {
  技术开发: '合作开展技术开发',
  联合攻关: '组建联合攻关团队',
  技术服务: '提供技术服务',
  技术咨询: '提供技术咨询和方案论证',
  技术转让: '转让成熟适用技术',
  技术许可: '以专利许可方式引进技术',
  人才引进: '柔性引进专家团队',
  共建平台: '共建研发平台',
};

const TITLE_PATTERNS: ((t: Topic) => string)[] = [
  (t) => `${t.name}技术`,
  (t) => `${t.name}关键技术研究`,
  (t) => `${t.name}技术攻关`,
  (t) => `${t.name}技术研究与示范`,
  (t) => `${t.name}技术开发与应用`,
  (t) => `${t.name}技术合作需求`,
];

function demandDescription(rng: Rng, t: Topic, mode: CooperationMode, budget: number | undefined): string {
  const we = rng.pick(['我公司', '本公司', '公司']);
  const situation = fillNumbers(t.situation, rng).replace(/^公司/, we);
  const problem = fillNumbers(t.problem, rng);
  const goal = fillNumbers(t.goal, rng);
  const problemSentence = rng.pick([`目前存在的主要问题是：${problem}。`, `生产中${problem}。`, `${problem}。`]);
  const impact = fillNumbers(
    rng.pick([
      '该问题已成为制约企业产品提档升级的主要瓶颈。',
      '据测算，每年因此造成的直接经济损失约{50-500}万元。',
      '企业自身研发力量薄弱，前期多次自行试验均未能有效解决。',
      '随着下游客户对质量要求不断提高，这一问题日益突出。',
      '',
    ]),
    rng,
  );
  const partner = rng.pick(['高校或科研院所', '国内相关领域的高校、科研院所', '东部地区高校院所和专家团队', '具备相关研究基础的科研团队']);
  const [k1, k2] = rng.sample(t.keywords, 2);
  const [m1, m2] = rng.sample(t.methods, 2);
  const money = budget !== undefined ? `企业可投入研发经费${budget}万元，` : '经费投入可面议，';
  const support = rng.pick(['并提供中试场地和生产线配合试验。', '可提供试验场地、原料和检测条件。', '合作方式和成果归属可协商确定。']);
  const when = rng.chance(0.5) ? `希望在${rng.pick([6, 12, 18, 24])}个月内取得阶段性成果。` : '';
  const text = `${situation}。${problemSentence}${impact}希望与${partner}合作，围绕${k1}、${k2}等方向${MODE_PHRASE[mode]}，拟通过${m1}、${m2}等技术手段解决${t.issue}问题，预期${goal}。${money}${support}${when}`;
  // A demand shorter than this reads like a note, not a need a professor can assess.
  return text.length >= 170 ? text : `${text}公司已明确项目负责人和技术对接人员，可全程配合开展试验和验证工作。`;
}

// The 2024 surveys ran in the second half of the year, which also keeps most demands within
// the two years before the reference date.
const SECOND_HALF_2024: [number, number] = [Date.UTC(2024, 6, 1), Date.UTC(2024, 11, 28)];

function buildDemands(seed: number, scale: number, infos: OrgInfo[]) {
  const rng = createRng(seed, 'demands');
  const enterprises = infos.filter((o) => o.org.kind === 'enterprise');
  const inCity = (city: string) => (o: OrgInfo) => o.org.regionCode.startsWith(city);
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const plans: ListPlan[] = [
    {
      list: { name: '2022年银川市企业关键核心技术需求清单', source: 'survey', regionCode: '6401', year: 2022, description: '银川市科技局、市科协面向重点产业企业开展关键核心技术需求调查，梳理形成的技术需求清单，共征集企业技术需求37项。' },
      count: n(37), accepts: inCity('6401'), span: yearSpan(2022), statuses: STATUS_OLD,
    },
    {
      list: { name: '2022年东西部科技合作推介会发布需求', source: 'conference', regionCode: '64', year: 2022, description: '在东西部科技合作推介会上集中发布的企业技术需求，现场对接东部高校院所和专家团队。' },
      count: n(10), accepts: () => true, span: [Date.UTC(2022, 7, 20), Date.UTC(2022, 7, 24)], statuses: STATUS_OLD,
    },
    {
      list: { name: '宁夏食品科学技术学会关键技术需求清单', source: 'society', regionCode: '64', year: 2024, description: '学会组织专家深入企业调研，围绕枸杞、葡萄酒、乳品、肉制品和冷凉蔬菜加工等领域梳理的关键技术需求清单，由百名专家库专家提供对接服务。' },
      count: n(40), accepts: (o) => o.industries.some((c) => c.startsWith('T')), span: SECOND_HALF_2024, statuses: STATUS_RECENT,
    },
    {
      list: { name: '2024年石嘴山市企业技术需求清单', source: 'survey', regionCode: '6402', year: 2024, description: '石嘴山市科技局面向新材料、装备制造和现代化工企业征集的年度技术需求。' },
      count: n(30), accepts: inCity('6402'), span: SECOND_HALF_2024, statuses: STATUS_RECENT,
    },
    {
      list: { name: '2024年吴忠市企业技术需求清单', source: 'survey', regionCode: '6403', year: 2024, description: '吴忠市科技局面向奶产业、滩羊、葡萄酒和清洁能源企业征集的年度技术需求。' },
      count: n(35), accepts: inCity('6403'), span: SECOND_HALF_2024, statuses: STATUS_RECENT,
    },
    {
      list: { name: '2025年固原市企业技术需求清单', source: 'survey', regionCode: '6404', year: 2025, description: '固原市科技局面向肉牛、冷凉蔬菜和康养企业征集的年度技术需求。' },
      count: n(25), accepts: inCity('6404'), span: yearSpan(2025), statuses: STATUS_RECENT,
    },
    {
      list: { name: '2025年中卫市企业技术需求清单', source: 'survey', regionCode: '6405', year: 2025, description: '中卫市科技局面向枸杞、数据中心和清洁能源企业征集的年度技术需求。' },
      count: n(28), accepts: inCity('6405'), span: yearSpan(2025), statuses: STATUS_RECENT,
    },
    {
      list: { name: '2025年银川市企业技术需求调查清单', source: 'survey', regionCode: '6401', year: 2025, description: '银川市围绕9个重点产业开展的年度企业技术需求调查，经专家智库论证后统一发布。' },
      count: n(45), accepts: inCity('6401'), span: yearSpan(2025), statuses: STATUS_RECENT,
    },
    {
      list: { name: '宁夏技术需求常态化征集', source: 'platform', regionCode: '64', year: 2026, description: '企业通过平台随时提交、经审核后发布的技术需求，常年开放征集。' },
      count: n(90), accepts: () => true, span: [REF_MS - 730 * DAY_MS, REF_MS - DAY_MS], statuses: STATUS_RECENT,
    },
  ];

  const demands: DemoDemand[] = [];
  const usedTitles = new Set<string>();
  const perOrg = new Map<string, number>();
  const topicsUsed = new Map<string, Set<string>>();
  for (const plan of plans) {
    const pool = enterprises.filter(plan.accepts);
    const candidates = pool.length > 0 ? pool : enterprises;
    // At a conference 7 of the 10 released demands found partners (domain figures).
    const conferenceMatched = plan.list.source === 'conference' ? Math.round(plan.count * 0.7) : 0;
    for (let k = 0; k < plan.count; k++) {
      const o = rng.weighted(candidates.map((c) => [c, 1 / (1 + (perOrg.get(c.org.uscc) ?? 0))] as const));
      perOrg.set(o.org.uscc, (perOrg.get(o.org.uscc) ?? 0) + 1);
      const v = VOCAB_BY_CODE.get(o.org.keyIndustry!)!;
      const seen = topicsUsed.get(o.org.uscc) ?? new Set<string>();
      topicsUsed.set(o.org.uscc, seen);
      const fresh = v.topics.filter((t) => !seen.has(t.name));
      const t = rng.pick(fresh.length > 0 ? fresh : v.topics);
      seen.add(t.name);

      let title = '';
      for (const pattern of rng.shuffle(TITLE_PATTERNS)) {
        title = pattern(t);
        if (!usedTitles.has(title)) break;
      }
      // Two enterprises with the very same need: name the second one's site.
      if (usedTitles.has(title)) title = `${ref.regions.byCode.get(o.org.regionCode)?.shortName ?? ''}${title}`;
      usedTitles.add(title);

      const mode = rng.weighted(MODES);
      const budget = rng.chance(0.85) ? Math.round(rng.int(v.budget[0], v.budget[1]) / 5) * 5 : undefined;
      const created = momentBetween(rng, plan.span[0], plan.span[1]);
      const status: DemandStatus =
        k < conferenceMatched
          ? rng.weighted<DemandStatus>([['matched', 2], ['negotiating', 2], ['contracted', 3]])
          : plan.list.source === 'conference'
            ? 'published'
            : rng.weighted(plan.statuses);
      const confidentiality: Confidentiality = rng.weighted([['public', 80], ['summary', 15], ['confidential', 5]]);
      demands.push({
        ref: '',
        listName: plan.list.name,
        organizationUscc: o.org.uscc,
        title,
        description: demandDescription(rng, t, mode, budget),
        keywords: rng.sample(t.keywords, rng.int(3, Math.min(5, t.keywords.length))),
        industryCode: o.org.industryCode,
        keyIndustry: v.code,
        disciplineCode: t.disciplines[0],
        ...(budget !== undefined ? { budget } : {}),
        cooperationMode: mode,
        ...(rng.chance(0.85) ? { deadline: dateOnly(created + rng.int(180, 720) * DAY_MS) } : {}),
        confidentiality,
        status,
        createdAt: isoAt(created),
      });
    }
  }
  // Refs follow submission order, the way a registry numbers them.
  demands.sort((a, b) => byCodePoint(a.createdAt, b.createdAt) || byCodePoint(a.title, b.title));
  demands.forEach((d, i) => (d.ref = `DEM-${String(i + 1).padStart(4, '0')}`));
  return { lists: plans.map((p) => p.list), demands };
}

// ---------------------------------------------------------------------------------------
// Achievements

type AchievementKind = DemoAchievement['kind'];

function kindWeights(v: IndustryVocabulary): [AchievementKind, number][] {
  const w: [AchievementKind, number][] = [['patent', 45], ['process', 15], ['software', 8], ['equipment', 10], ['standard', 6]];
  if (['N01', 'N05', 'N06', 'T03', 'T04', 'T05', 'T06'].includes(v.code)) w.push(['material', ['N01', 'N05', 'N06'].includes(v.code) ? 12 : 4]);
  if (v.code === 'N04' || v.code.startsWith('Y')) {
    w[2][1] = 30;
    w[3][1] = 2;
  }
  if (v.varieties) w.push(['variety', 8]);
  return w;
}

const MATURITY: Record<AchievementKind, [number, number]> = {
  patent: [3, 7], process: [5, 8], software: [6, 9], equipment: [5, 8], material: [4, 7], variety: [7, 9], standard: [8, 9],
};
const PRICE: Record<AchievementKind, [number, number] | null> = {
  patent: [10, 300], process: [20, 300], software: [5, 80], equipment: [30, 500], material: [50, 500], variety: [20, 200], standard: null,
};

/**
 * The title of an achievement of `kind` drawn from a topic, or null when that kind does not
 * fit the topic (no 品种 from a data centre, no 成套装备 for a credit model); the caller
 * then draws another kind.
 */
function achievementTitle(rng: Rng, kind: AchievementKind, t: Topic, v: IndustryVocabulary): string | null {
  switch (kind) {
    case 'patent':
      return `一种${rng.pick(t.inventions)}`;
    case 'process': {
      const p = t.inventions.find((x) => /(方法|工艺)$/.test(x) && !x.startsWith('基于'));
      return p && rng.chance(0.6) ? p.replace(/方法$/, '技术') : `${t.name}${rng.pick(['集成技术', '关键技术', '成套技术'])}`;
    }
    case 'software': {
      const s = t.inventions.find((x) => /(系统|平台)$/.test(x));
      const version = `V${rng.int(1, 3)}.0`;
      if (s && rng.chance(0.6)) return `${s}${version}`;
      const kinds = t.style === 'model' ? ['智能管理平台', '决策支持系统', '在线监测软件'] : t.style === 'field' ? ['决策支持系统', '智能监控系统'] : ['智能监控系统', '工艺管理软件'];
      return `${join(t.subject, t.process)}${rng.pick(kinds)}${version}`;
    }
    case 'equipment': {
      const e = t.inventions.find((x) => /(装置|设备|机|机器人|工作站|项圈|网关|箱|试纸|系统)$/.test(x) && !/(平台|方法)$/.test(x));
      if (e && rng.chance(0.7)) return e;
      return t.style === 'model' ? e ?? null : `${join(t.subject, t.process)}成套装备`;
    }
    case 'material':
      return t.inventions.find((x) => /(材料|催化剂|吸收剂|面料|电极|菌剂|组合物|饲料|代乳料)$/.test(x)) ?? null;
    case 'variety':
      return v.varieties ? fillNumbers(rng.pick(v.varieties), rng) : null;
    case 'standard':
      // Standards are written for production practice, not for services like finance or trade.
      return ['Y03', 'Y05', 'Y06'].includes(v.code) ? null : `${t.name}技术规程`;
  }
}

const KIND_SENTENCE: Record<AchievementKind, string[]> = {
  patent: ['已获授权发明专利{1-3}项。', '已申请发明专利{2-5}项，其中授权{1-2}项。'],
  process: ['已在区内外{1-5}家企业示范应用。', '已完成中试并形成工艺技术规范。'],
  software: ['已取得计算机软件著作权登记。', '已在{2-8}家单位部署应用。'],
  equipment: ['样机已在企业完成{3-12}个月运行考核。', '已形成定型产品并小批量生产。'],
  material: ['已完成吨级中试。', '产品经第三方检测各项指标达到设计要求。'],
  variety: ['已通过品种登记，适宜在宁夏引黄灌区和南部山区推广种植。', '已在区内建立示范基地{500-3000}亩。'],
  standard: ['已发布为地方标准。', '已发布为团体标准，在行业内推广实施。'],
};

const DEVELOPMENT: Record<AchievementKind, string[]> = {
  patent: ['完成了实验室研究和中试验证', '建立了工艺参数数据库和控制模型', '在区内外企业开展了示范应用'],
  process: ['形成了成套工艺和关键装置', '完成了实验室研究和中试验证', '在区内外企业开展了示范应用'],
  software: ['完成了系统开发和部署测试', '在多家单位完成了试运行', '建立了数据模型和业务规则库'],
  equipment: ['完成了样机研制和性能测试', '形成了成套工艺和关键装置', '在企业生产线完成了现场试验'],
  material: ['完成了配方设计和中试验证', '建立了制备工艺和质量控制方法'],
  variety: ['经多年多点区域试验表现稳定', '完成了品种比较试验和生产试验'],
  standard: ['完成了标准草案编制和验证试验', '总结了多年试验示范经验'],
};

function achievementSummary(rng: Rng, kind: AchievementKind, t: Topic, v: IndustryVocabulary, owner: DemoOrganization): string {
  const who = owner.kind === 'enterprise' ? '公司研发团队' : rng.pick(['项目团队', '课题组', '研究团队']);
  const [m1, m2] = rng.sample(t.methods, 2);
  const dev = rng.pick(DEVELOPMENT[kind]);
  const verb = rng.pick(['采用', '集成', '综合运用']);
  return `${who}针对${join(t.subject, t.process)}中${t.issue}等问题，${verb}${m1}与${m2}相结合的技术路线，${dev}。主要技术指标和效果：${fillNumbers(t.goal, rng)}。${fillNumbers(rng.pick(KIND_SENTENCE[kind]), rng)}可应用于${v.application}。`;
}

function buildAchievements(seed: number, scale: number, infos: OrgInfo[], experts: DemoExpert[], plans: ExpertPlan[]) {
  const rng = createRng(seed, 'achievements');
  const total = Math.max(1, Math.round(TARGET.achievements * scale));
  const enterprises = infos.filter((o) => o.org.kind === 'enterprise');
  const byUscc = new Map(infos.map((o) => [o.org.uscc, o]));
  const usedTitles = new Set<string>();
  const out: DemoAchievement[] = [];
  for (let i = 0; i < total; i++) {
    let attempt = 0;
    let item: DemoAchievement | null = null;
    while (!item) {
      const fromExpert = rng.chance(0.78);
      let owner: DemoOrganization;
      let expertRef: string | undefined;
      let v: IndustryVocabulary;
      let t: Topic;
      if (fromExpert) {
        const idx = rng.int(0, experts.length - 1);
        const plan = plans[idx];
        ({ v, t } = rng.pick(plan.topics));
        owner = byUscc.get(experts[idx].organizationUscc)!.org;
        expertRef = experts[idx].ref;
      } else {
        const o = rng.pick(enterprises);
        owner = o.org;
        v = VOCAB_BY_CODE.get(o.org.keyIndustry!)!;
        t = rng.pick(v.topics);
      }
      const kind = rng.weighted(kindWeights(v));
      const title = achievementTitle(rng, kind, t, v);
      attempt++;
      if (title === null || (usedTitles.has(title) && attempt < 12)) continue;
      usedTitles.add(title);
      const [lo, hi] = MATURITY[kind];
      const priceRange = PRICE[kind];
      const status = rng.weighted<DemoAchievement['status']>([['published', 72], ['transferred', 13], ['draft', 9], ['withdrawn', 6]]);
      const transferMode =
        kind === 'standard'
          ? '技术服务'
          : rng.weighted<DemoAchievement['transferMode']>([['转让', 30], ['许可', 20], ['合作开发', 25], ['技术服务', 15], ['作价入股', 10]]);
      item = {
        ref: '',
        title,
        summary: achievementSummary(rng, kind, t, v, owner),
        keywords: rng.sample(t.keywords, rng.int(3, Math.min(5, t.keywords.length))),
        kind,
        maturity: status === 'transferred' ? Math.max(lo, Math.min(9, hi)) : rng.int(lo, hi),
        transferMode,
        ...(priceRange && rng.chance(0.7) ? { price: Math.max(1, Math.round(rng.int(priceRange[0], priceRange[1]) / 5) * 5) } : {}),
        organizationUscc: owner.uscc,
        ...(expertRef ? { expertRef } : {}),
        disciplineCode: t.disciplines[0],
        industryCode: owner.kind === 'enterprise' && owner.keyIndustry === v.code ? owner.industryCode : rng.pick(v.gbt),
        keyIndustry: v.code,
        status,
        createdAt: isoAt(momentBetween(rng, REF_MS - 730 * DAY_MS, REF_MS - DAY_MS)),
      };
    }
    out.push(item);
  }
  out.sort((a, b) => byCodePoint(a.createdAt, b.createdAt) || byCodePoint(a.title, b.title));
  out.forEach((a, i) => (a.ref = `ACH-${String(i + 1).padStart(4, '0')}`));
  return out;
}

// ---------------------------------------------------------------------------------------
// Users

function buildUsers(infos: OrgInfo[], experts: DemoExpert[]): DemoUser[] {
  const gouqi = infos.find((o) => o.org.kind === 'enterprise' && o.org.keyIndustry === 'T02')!;
  const expert = experts[0];
  return [
    { username: 'admin', displayName: '系统管理员', password: DEMO_PASSWORD, role: 'admin' },
    { username: 'operator', displayName: '马晓燕', password: DEMO_PASSWORD, role: 'operator' },
    { username: 'yinchuan', displayName: '王建军', password: DEMO_PASSWORD, role: 'region_officer', regionCode: '6401' },
    { username: 'xixia', displayName: '李静', password: DEMO_PASSWORD, role: 'region_officer', regionCode: '640105' },
    { username: 'enterprise', displayName: gouqi.org.contactName, password: DEMO_PASSWORD, role: 'enterprise_member', organizationUscc: gouqi.org.uscc },
    { username: 'expert', displayName: expert.name, password: DEMO_PASSWORD, role: 'expert', expertRef: expert.ref },
    { username: 'reviewer', displayName: '赵立新', password: DEMO_PASSWORD, role: 'reviewer' },
  ];
}

// ---------------------------------------------------------------------------------------

/**
 * Generates the demo data set. Deterministic: the same `seed` and `scale` always give the
 * same rows (dates are placed relative to DEMO_REFERENCE_DATE, not the clock). `scale`
 * multiplies the generated enterprises, experts, demands and achievements (the named
 * universities, academies and public bodies are always present); 1 gives the sizes of the
 * domain figures, smaller values make quick fixtures.
 *
 * @example
 * const demo = generateDemo();          // ≈175 organizations, 450 experts, 340 demands, 800 achievements
 * const tiny = generateDemo(20231, 0.1); // a small, consistent set for tests
 */
export function generateDemo(seed = 20231, scale = 1): DemoDataSet {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`scale must be a positive number, got ${scale}`);
  const usedUscc = new Set<string>();
  const infos = buildOrganizations(seed, scale, usedUscc);
  const { experts, plans } = buildExperts(seed, scale, infos);
  const expertPools = buildPools(seed, scale, experts, infos);
  const { lists, demands } = buildDemands(seed, scale, infos);
  const achievements = buildAchievements(seed, scale, infos, experts, plans);
  return {
    organizations: infos.map((o) => o.org),
    expertPools,
    experts,
    demandLists: lists,
    demands,
    achievements,
    users: buildUsers(infos, experts),
  };
}
