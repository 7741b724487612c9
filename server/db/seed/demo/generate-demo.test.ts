import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_REFERENCE_DATE, generateDemo } from './generate-demo.js';
import type { DemoDataSet } from './demo.types.js';
import { isValidOrcid, isValidUscc } from '../../../shared/codes.js';
import { loadReference } from '../../../reference/reference.js';
import { INDUSTRY_VOCABULARY } from './vocabulary-industries.js';

const ref = loadReference();
const demo = generateDemo();
const END_OF_REFERENCE_DAY = `${DEMO_REFERENCE_DATE}T23:59:59.999Z`;

/** Every cross-reference in a data set resolves, and every code is in the reference data. */
function expectIntegrity(d: DemoDataSet): void {
  const orgs = new Map(d.organizations.map((o) => [o.uscc, o]));
  const experts = new Map(d.experts.map((e) => [e.ref, e]));
  const lists = new Map(d.demandLists.map((l) => [l.name, l]));
  const pools = new Set(d.expertPools.map((p) => p.name));
  const industry2 = (code: string | undefined) => code === undefined || ref.industries.byCode.get(code)?.level === 2;
  const discipline2 = (code: string | undefined) => code === undefined || ref.disciplines.byCode.get(code)?.level === 2;
  const keyIndustry = (code: string | undefined) => code === undefined || ref.keyIndustries.byCode.has(code);

  for (const o of d.organizations) {
    expect(ref.regions.byCode.has(o.regionCode), `${o.name} region ${o.regionCode}`).toBe(true);
    expect(industry2(o.industryCode), `${o.name} industry ${o.industryCode}`).toBe(true);
    expect(keyIndustry(o.keyIndustry), `${o.name} key industry`).toBe(true);
  }
  for (const p of d.expertPools) if (p.regionCode) expect(ref.regions.byCode.has(p.regionCode)).toBe(true);
  for (const e of d.experts) {
    const org = orgs.get(e.organizationUscc);
    expect(org, `${e.ref} organization`).toBeDefined();
    expect(['university', 'institute']).toContain(org!.kind);
    expect(e.disciplines.length).toBeGreaterThan(0);
    for (const c of e.disciplines) expect(discipline2(c), `${e.ref} discipline ${c}`).toBe(true);
    expect(e.keyIndustries.length).toBeGreaterThan(0);
    for (const c of e.keyIndustries) expect(keyIndustry(c), `${e.ref} key industry ${c}`).toBe(true);
    for (const p of e.pools) expect(pools.has(p), `${e.ref} pool ${p}`).toBe(true);
  }
  for (const l of d.demandLists) expect(ref.regions.byCode.has(l.regionCode)).toBe(true);
  for (const dm of d.demands) {
    const list = lists.get(dm.listName);
    const org = orgs.get(dm.organizationUscc);
    expect(list, `${dm.ref} list`).toBeDefined();
    expect(org?.kind, `${dm.ref} organization`).toBe('enterprise');
    expect(industry2(dm.industryCode) && discipline2(dm.disciplineCode) && keyIndustry(dm.keyIndustry), dm.ref).toBe(true);
    expect(dm.keyIndustry).toBe(org!.keyIndustry);
  }
  for (const a of d.achievements) {
    const org = orgs.get(a.organizationUscc);
    expect(org, `${a.ref} organization`).toBeDefined();
    if (a.expertRef) {
      const e = experts.get(a.expertRef);
      expect(e, `${a.ref} expert`).toBeDefined();
      expect(e!.organizationUscc).toBe(a.organizationUscc);
    }
    expect(industry2(a.industryCode) && discipline2(a.disciplineCode) && keyIndustry(a.keyIndustry), a.ref).toBe(true);
  }
  for (const u of d.users) {
    if (u.regionCode) expect(ref.regions.byCode.has(u.regionCode)).toBe(true);
    if (u.organizationUscc) expect(orgs.has(u.organizationUscc)).toBe(true);
    if (u.expertRef) expect(experts.has(u.expertRef)).toBe(true);
  }
}

function allTexts(d: DemoDataSet): string[] {
  return [
    ...d.organizations.flatMap((o) => [o.name, o.description, o.contactName]),
    ...d.expertPools.flatMap((p) => [p.name, p.description]),
    ...d.experts.flatMap((e) => [e.name, e.bio, e.title, ...e.fields, ...e.publications.flatMap((p) => [p.title, p.abstract, p.venue, ...p.keywords, ...p.coauthors])]),
    ...d.demandLists.flatMap((l) => [l.name, l.description]),
    ...d.demands.flatMap((x) => [x.title, x.description, ...x.keywords]),
    ...d.achievements.flatMap((a) => [a.title, a.summary, ...a.keywords]),
  ];
}

describe('generateDemo — determinism and speed', () => {
  it('gives the same data for the same seed and different data for another seed', () => {
    expect(generateDemo()).toEqual(demo);
    expect(generateDemo(20231, 1)).toEqual(demo);
    const other = generateDemo(7);
    expect(other.demands.map((d) => d.title)).not.toEqual(demo.demands.map((d) => d.title));
    expect(other.organizations.map((o) => o.uscc)).not.toEqual(demo.organizations.map((o) => o.uscc));
  });

  it('runs in well under a second', () => {
    // Best of three, so a busy CI machine does not fail a test about our code.
    let best = Infinity;
    for (let i = 0; i < 3 && best >= 1000; i++) {
      const t0 = performance.now();
      generateDemo(99);
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(1000);
  });

  it('rejects a nonsensical scale', () => {
    expect(() => generateDemo(1, 0)).toThrow(RangeError);
    expect(() => generateDemo(1, Number.NaN)).toThrow(RangeError);
  });
});

describe('generateDemo — sizes follow the domain figures', () => {
  const kinds = (k: string) => demo.organizations.filter((o) => o.kind === k).length;

  it('has about 170 organizations of the expected kinds', () => {
    expect(demo.organizations.length).toBeGreaterThanOrEqual(160);
    expect(demo.organizations.length).toBeLessThanOrEqual(190);
    expect(kinds('enterprise')).toBeGreaterThanOrEqual(100);
    expect(kinds('enterprise')).toBeLessThanOrEqual(120);
    const easternAcademic = demo.organizations.filter((o) => ['university', 'institute'].includes(o.kind) && ref.sideOf(o.regionCode) === 'east');
    expect(easternAcademic.length).toBeGreaterThanOrEqual(40);
    expect(easternAcademic.length).toBeLessThanOrEqual(50);
    expect(kinds('society') + kinds('agency') + kinds('park') + kinds('hospital')).toBeGreaterThanOrEqual(12);
  });

  it('has about 450 experts with 3–10 publications each, mostly in the east', () => {
    expect(demo.experts.length).toBe(450);
    for (const e of demo.experts) {
      expect(e.publications.length, e.ref).toBeGreaterThanOrEqual(3);
      expect(e.publications.length, e.ref).toBeLessThanOrEqual(10);
    }
    const orgs = new Map(demo.organizations.map((o) => [o.uscc, o]));
    const eastern = demo.experts.filter((e) => ref.sideOf(orgs.get(e.organizationUscc)!.regionCode) === 'east');
    expect(eastern.length / demo.experts.length).toBeGreaterThan(0.75);
    expect(eastern.length).toBeLessThan(demo.experts.length);
    // Every key industry has its experts.
    for (const k of ref.keyIndustries.list) expect(demo.experts.some((e) => e.keyIndustries.includes(k.code)), k.name).toBe(true);
    // And some span two.
    expect(demo.experts.filter((e) => e.keyIndustries.length > 1).length).toBeGreaterThan(50);
  });

  it('has about 340 demands in 8–10 named lists, including the 37-demand survey and the 10-demand conference', () => {
    expect(demo.demands.length).toBe(340);
    expect(demo.demandLists.length).toBeGreaterThanOrEqual(8);
    expect(demo.demandLists.length).toBeLessThanOrEqual(10);
    const inList = (name: string) => demo.demands.filter((d) => d.listName === name);
    expect(inList('2022年银川市企业关键核心技术需求清单')).toHaveLength(37);
    const conference = inList('2022年东西部科技合作推介会发布需求');
    expect(conference).toHaveLength(10);
    expect(conference.filter((d) => ['matched', 'negotiating', 'contracted'].includes(d.status))).toHaveLength(7);
    expect(new Set(demo.demandLists.map((l) => l.source))).toEqual(new Set(['survey', 'conference', 'society', 'platform']));
  });

  it('has about 800 achievements and the named expert pools', () => {
    expect(demo.achievements.length).toBe(800);
    expect(new Set(demo.achievements.map((a) => a.kind)).size).toBe(7);
    const pools = demo.expertPools.map((p) => p.name);
    expect(pools).toEqual(expect.arrayContaining(['银川市专家智库', '百名专家库', '枸杞产业科技服务团']));
    const members = (name: string) => demo.experts.filter((e) => e.pools.includes(name)).length;
    expect(members('百名专家库')).toBe(100);
    expect(members('银川市专家智库')).toBeGreaterThan(250);
  });

  it('scales down to a small consistent fixture', () => {
    const small = generateDemo(20231, 0.1);
    expect(small.experts.length).toBe(45);
    expect(small.achievements.length).toBe(80);
    expect(small.demands.length).toBeLessThan(60);
    expectIntegrity(small);
  });
});

describe('generateDemo — integrity', () => {
  it('resolves every cross-reference and every code in the reference data', () => {
    expectIntegrity(demo);
  });

  it('uses valid, unique USCCs and ORCIDs and unique refs, names, e-mails and usernames', () => {
    const usccs = demo.organizations.map((o) => o.uscc);
    for (const u of usccs) expect(isValidUscc(u), u).toBe(true);
    expect(new Set(usccs).size).toBe(usccs.length);
    expect(new Set(demo.organizations.map((o) => o.name)).size).toBe(demo.organizations.length);
    const orcids = demo.experts.flatMap((e) => (e.orcid ? [e.orcid] : []));
    expect(orcids.length).toBeGreaterThan(100);
    for (const o of orcids) expect(isValidOrcid(o), o).toBe(true);
    expect(new Set(orcids).size).toBe(orcids.length);
    for (const refs of [demo.experts.map((e) => e.ref), demo.demands.map((d) => d.ref), demo.achievements.map((a) => a.ref)]) {
      expect(new Set(refs).size).toBe(refs.length);
    }
    expect(demo.experts[0].ref).toBe('EXP-0001');
    expect(demo.demands.at(-1)!.ref).toBe('DEM-0340');
    expect(new Set(demo.experts.map((e) => e.email)).size).toBe(demo.experts.length);
    expect(new Set(demo.expertPools.map((p) => p.name)).size).toBe(demo.expertPools.length);
    expect(new Set(demo.demandLists.map((l) => l.name)).size).toBe(demo.demandLists.length);
    expect(new Set(demo.users.map((u) => u.username)).size).toBe(demo.users.length);
    expect(new Set(demo.demands.map((d) => d.title)).size).toBe(demo.demands.length);
  });

  it('gives plausible phones and e-mails', () => {
    const phones = [...demo.organizations.map((o) => o.phone), ...demo.experts.map((e) => e.phone)];
    for (const p of phones) expect(p).toMatch(/^1[3-9]\d{9}$/);
    const emails = [...demo.organizations.map((o) => o.email), ...demo.experts.map((e) => e.email)];
    for (const e of emails) expect(e).toMatch(/^[a-z0-9_.]+@[a-z0-9.-]+\.[a-z]{2,}$/);
  });

  it('places enterprises in Ningxia counties (every county has one, Yinchuan the most) and eastern academics at eastern cities', () => {
    const enterprises = demo.organizations.filter((o) => o.kind === 'enterprise');
    for (const o of enterprises) expect(ref.regions.byCode.get(o.regionCode)?.level === 'county' && ref.isUnder(o.regionCode, '64'), o.name).toBe(true);
    const counties = ref.regions.list.filter((r) => r.level === 'county' && r.code.startsWith('64'));
    for (const c of counties) expect(enterprises.some((o) => o.regionCode === c.code), c.name).toBe(true);
    const perCity = ref.regions.children('64').map((c) => enterprises.filter((o) => ref.isUnder(o.regionCode, c.code)).length);
    expect(perCity[0]).toBe(Math.max(...perCity));
    for (const o of demo.organizations.filter((x) => x.kind === 'university' && ref.sideOf(x.regionCode) === 'east')) {
      expect(ref.regions.byCode.get(o.regionCode)?.level).toBe('city');
    }
  });

  it('keeps each city survey to that city’s enterprises', () => {
    const orgs = new Map(demo.organizations.map((o) => [o.uscc, o]));
    const lists = new Map(demo.demandLists.map((l) => [l.name, l]));
    for (const d of demo.demands) {
      const list = lists.get(d.listName)!;
      expect(ref.isUnder(orgs.get(d.organizationUscc)!.regionCode, list.regionCode), `${d.ref} in ${list.name}`).toBe(true);
    }
  });

  it('dates everything before the reference date, with deadlines after creation', () => {
    for (const d of demo.demands) {
      expect(d.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(d.createdAt <= END_OF_REFERENCE_DAY).toBe(true);
      if (d.deadline) expect(d.deadline > d.createdAt.slice(0, 10)).toBe(true);
      const year = demo.demandLists.find((l) => l.name === d.listName)!.year;
      if (year < 2026) expect(d.createdAt.startsWith(String(year)), d.ref).toBe(true);
    }
    for (const a of demo.achievements) expect(a.createdAt <= END_OF_REFERENCE_DAY).toBe(true);
    const recent = demo.demands.filter((d) => d.createdAt >= '2024-06-30').length;
    expect(recent / demo.demands.length).toBeGreaterThan(0.8);
    for (const e of demo.experts) for (const p of e.publications) expect(p.year).toBeLessThanOrEqual(2026);
  });
});

describe('generateDemo — mixes', () => {
  it('has a realistic status and confidentiality mix', () => {
    const share = (pred: (d: (typeof demo.demands)[number]) => boolean) => demo.demands.filter(pred).length / demo.demands.length;
    expect(share((d) => d.status === 'published')).toBeGreaterThan(0.35);
    for (const s of ['matched', 'negotiating', 'contracted', 'closed', 'submitted', 'draft', 'returned', 'withdrawn']) {
      expect(share((d) => d.status === s), s).toBeGreaterThan(0);
    }
    expect(share((d) => d.confidentiality === 'public')).toBeGreaterThan(0.7);
    expect(share((d) => d.confidentiality === 'summary')).toBeGreaterThan(0.08);
    expect(share((d) => d.confidentiality === 'summary')).toBeLessThan(0.22);
    expect(share((d) => d.confidentiality === 'confidential')).toBeGreaterThan(0.01);
    expect(share((d) => d.confidentiality === 'confidential')).toBeLessThan(0.1);
    expect(new Set(demo.demands.map((d) => d.cooperationMode)).size).toBe(8);
  });

  it('gives valid maturity levels, transfer modes and statuses to achievements', () => {
    for (const a of demo.achievements) {
      expect(a.maturity).toBeGreaterThanOrEqual(1);
      expect(a.maturity).toBeLessThanOrEqual(9);
      if (a.price !== undefined) expect(a.price).toBeGreaterThan(0);
    }
    expect(demo.achievements.filter((a) => a.expertRef).length / demo.achievements.length).toBeGreaterThan(0.6);
    expect(demo.achievements.some((a) => a.status === 'transferred')).toBe(true);
  });
});

describe('generateDemo — realism', () => {
  it('leaves no template placeholders or broken values in any text', () => {
    const texts = allTexts(demo);
    expect(texts.length).toBeGreaterThan(10_000);
    expect(texts.filter((t) => /[{}]|undefined|NaN|null|\[object/.test(t))).toEqual([]);
    expect(texts.filter((t) => t.trim().length === 0)).toEqual([]);
    expect(texts.filter((t) => /。。|，。|，，|、、/.test(t))).toEqual([]);
  });

  it('writes demand descriptions of 150–500 characters in the enterprise’s voice', () => {
    for (const d of demo.demands) {
      expect(d.description.length, d.ref).toBeGreaterThanOrEqual(150);
      expect(d.description.length, d.ref).toBeLessThanOrEqual(500);
      expect(d.description).toMatch(/希望与.+合作/);
      expect(d.keywords.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('speaks each industry’s language: a 枸杞 demand is about 枸杞, its keywords appear in its text', () => {
    const gouqi = demo.demands.filter((d) => d.keyIndustry === 'T02');
    expect(gouqi.length).toBeGreaterThan(10);
    const vocabulary = INDUSTRY_VOCABULARY.find((v) => v.code === 'T02')!.topics.flatMap((t) => t.keywords);
    for (const d of gouqi) {
      expect(d.title + d.description, d.ref).toContain('枸杞');
      expect(vocabulary.some((w) => d.description.includes(w)), d.ref).toBe(true);
    }
    const wine = demo.demands.filter((d) => d.keyIndustry === 'T01');
    for (const d of wine) expect(d.title + d.description, d.ref).toMatch(/葡萄|酒/);
    for (const d of demo.demands) {
      expect(d.keywords.some((k) => d.title.includes(k) || d.description.includes(k)), d.ref).toBe(true);
    }
  });

  it('gives every demand experts whose publications share its keywords (matching has something to find)', () => {
    for (const d of demo.demands) {
      const fits = demo.experts.filter(
        (e) => e.keyIndustries.includes(d.keyIndustry!) && e.publications.some((p) => p.keywords.some((k) => d.keywords.includes(k))),
      );
      expect(fits.length, `${d.ref} ${d.title}`).toBeGreaterThan(0);
    }
  });

  it('concentrates an expert’s publications on the expert’s fields', () => {
    const keywordsOf = new Map(INDUSTRY_VOCABULARY.map((v) => [v.code, new Set(v.topics.flatMap((t) => [...t.keywords, ...t.methods]))]));
    for (const e of demo.experts) {
      const own = new Set(e.keyIndustries.flatMap((c) => [...keywordsOf.get(c)!]));
      for (const p of e.publications) expect(p.keywords.some((k) => own.has(k)), `${e.ref} ${p.title}`).toBe(true);
      expect(new Set(e.publications.map((p) => p.title)).size).toBe(e.publications.length);
    }
  });

  it('writes papers like Chinese papers and bios like Chinese bios', () => {
    const abstracts = demo.experts.flatMap((e) => e.publications.map((p) => p.abstract));
    for (const a of abstracts) {
      expect(a).toMatch(/结果表明/);
      expect(a.length).toBeGreaterThan(120);
    }
    for (const e of demo.experts) {
      expect(e.bio.startsWith(`${e.name}，`)).toBe(true);
      expect(e.bio).toContain(e.title);
    }
  });
});

describe('generateDemo — demo accounts', () => {
  it('creates the seven documented accounts with one readable password', () => {
    expect(demo.users.map((u) => [u.username, u.role])).toEqual([
      ['admin', 'admin'],
      ['operator', 'operator'],
      ['yinchuan', 'region_officer'],
      ['xixia', 'region_officer'],
      ['enterprise', 'enterprise_member'],
      ['expert', 'expert'],
      ['reviewer', 'reviewer'],
    ]);
    for (const u of demo.users) expect(u.password).toBe(DEMO_PASSWORD);
    expect(DEMO_PASSWORD).toBe('Shanhai@2024');
    expect(demo.users.find((u) => u.username === 'yinchuan')?.regionCode).toBe('6401');
    expect(demo.users.find((u) => u.username === 'xixia')?.regionCode).toBe('640105');
  });

  it('links the enterprise account to a 枸杞 enterprise with demands, and the expert account to a 枸杞 food scientist', () => {
    const member = demo.users.find((u) => u.username === 'enterprise')!;
    const org = demo.organizations.find((o) => o.uscc === member.organizationUscc)!;
    expect(org.keyIndustry).toBe('T02');
    expect(demo.demands.some((d) => d.organizationUscc === org.uscc)).toBe(true);
    const account = demo.users.find((u) => u.username === 'expert')!;
    const expert = demo.experts.find((e) => e.ref === account.expertRef)!;
    expect(expert.disciplines).toContain('0832');
    expect(expert.publications.filter((p) => p.title.includes('枸杞') || p.abstract.includes('枸杞')).length).toBeGreaterThanOrEqual(5);
    // The 西夏区 officer has enterprises to look after.
    expect(demo.organizations.some((o) => o.kind === 'enterprise' && o.regionCode === '640105')).toBe(true);
  });
});
