import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { referenceApi, type Discipline, type Industry, type KeyIndustry, type Region } from '@/api/reference';

/** Reference schemes (regions, key industries, disciplines), fetched once and cached. */
export const useReferenceStore = defineStore('reference', () => {
  const regions = ref<Region[]>([]);
  const keyIndustries = ref<KeyIndustry[]>([]);
  const disciplines = ref<Discipline[]>([]);
  const industries = ref<Industry[]>([]);
  /** GB/T 4754 大类 (two-digit divisions), what the forms offer. */
  const industryDivisions = ref<Industry[]>([]);
  let pendingDivisions: Promise<void> | null = null;
  let pending: Promise<void> | null = null;
  let pendingIndustries: Promise<void> | null = null;

  const regionByCode = computed(() => new Map(regions.value.map((r) => [r.code, r])));
  const keyIndustryByCode = computed(() => new Map(keyIndustries.value.map((k) => [k.code, k])));
  const disciplineByCode = computed(() => new Map(disciplines.value.map((d) => [d.code, d])));
  const industryByCode = computed(() => new Map(industries.value.map((i) => [i.code, i])));

  function ensure(): Promise<void> {
    // Provinces, cities and counties only: a full national import adds towns we never filter by.
    pending ??= Promise.all([
      Promise.all([
        referenceApi.regions({ level: 'province' }),
        referenceApi.regions({ level: 'city' }),
        referenceApi.regions({ level: 'county' }),
      ]),
      referenceApi.keyIndustries(),
      referenceApi.disciplines(),
    ])
      .then(([r, k, d]) => {
        regions.value = r.flat();
        keyIndustries.value = k;
        disciplines.value = d;
      })
      .catch((e: unknown) => {
        pending = null;
        throw e;
      });
    return pending;
  }

  /** GB/T 4754 industries (only the pages that name industry codes need them). */
  function ensureIndustries(): Promise<void> {
    pendingIndustries ??= referenceApi
      .industries()
      .then((list) => {
        industries.value = list;
      })
      .catch((e: unknown) => {
        pendingIndustries = null;
        throw e;
      });
    return pendingIndustries;
  }

  /** GB/T 4754 大类 for the forms' industry select. */
  function ensureIndustryDivisions(): Promise<void> {
    pendingDivisions ??= referenceApi
      .industries({ level: 2 })
      .then((list) => {
        industryDivisions.value = list;
      })
      .catch((e: unknown) => {
        pendingDivisions = null;
        throw e;
      });
    return pendingDivisions;
  }

  /** Disciplines grouped under their first-level discipline, for select boxes. */
  const disciplineGroups = computed(() => {
    const top = disciplines.value.filter((d) => !d.parentCode);
    return top.map((g) => ({ group: g, items: disciplines.value.filter((d) => d.parentCode === g.code) })).filter((g) => g.items.length);
  });

  /** Key industries grouped for select boxes: [{ group, items }]. */
  const keyIndustryGroups = computed(() => {
    const groups: { group: string; items: KeyIndustry[] }[] = [];
    for (const k of keyIndustries.value) {
      let g = groups.find((x) => x.group === k.group);
      if (!g) groups.push((g = { group: k.group, items: [] }));
      g.items.push(k);
    }
    return groups;
  });

  /** Region tree (province → city → county) for the cascader. */
  const regionTree = computed(() => {
    interface Node { value: string; label: string; region: Region; children?: Node[] }
    const nodes = new Map<string, Node>();
    for (const r of regions.value) nodes.set(r.code, { value: r.code, label: r.name, region: r });
    const roots: Node[] = [];
    for (const n of nodes.values()) {
      const parent = n.region.parentCode ? nodes.get(n.region.parentCode) : undefined;
      if (parent) (parent.children ??= []).push(n);
      else roots.push(n);
    }
    return roots;
  });

  return {
    regions,
    keyIndustries,
    keyIndustryGroups,
    regionTree,
    disciplines,
    industries,
    industryDivisions,
    disciplineGroups,
    regionByCode,
    keyIndustryByCode,
    disciplineByCode,
    industryByCode,
    ensure,
    ensureIndustries,
    ensureIndustryDivisions,
  };
});
