import { onMounted } from 'vue';
import { useI18n } from 'vue-i18n';
import type { RouteLocationRaw } from 'vue-router';
import type { AgreementReason, Hit, LoadReason, MatchWeights, PairingReason, PublicationReason, RecencyReason } from '@/api/matching';
import { useLocaleStore } from '@/stores/locale';
import { useReferenceStore } from '@/stores/reference';
import { fixed, isAchievementEvidence, notableTerms, publicationReasons, signalOf, signed, termReasons } from '@/utils/explain';
import type { MatchSignal } from '@/utils/tones';

/** One reason in plain words: "3 篇相关论文：《…》(2023)、…", its contribution and how it was computed. */
export interface ReasonLine {
  key: string;
  signal: MatchSignal;
  label: string;
  items: { key: string; text: string; hint?: string; to?: RouteLocationRaw }[];
  /** items not listed (shown as "and n more") */
  more: number;
  contribution: number;
  formula: string;
}

const maxItems = 3;

/** Turns a hit's reasons into sentences a person can check, with reference codes named. */
export function useExplain() {
  const { t } = useI18n();
  const reference = useReferenceStore();
  const localeStore = useLocaleStore();

  onMounted(() => {
    void reference.ensure().catch(() => undefined);
    void reference.ensureIndustries().catch(() => undefined);
  });

  function disciplineName(code: string): string {
    return reference.disciplineByCode.get(code)?.name ?? code;
  }

  function industryName(code: string): string {
    const key = reference.keyIndustryByCode.get(code);
    if (key) return localeStore.refName(key.name);
    return reference.industryByCode.get(code)?.name ?? code;
  }

  function regionName(code: string): string {
    const r = reference.regionByCode.get(code);
    return r ? localeStore.refName(r.shortName || r.name) : code;
  }

  function signalName(s: MatchSignal): string {
    return t(`matching.signals.${s}`);
  }

  function publicationItem(p: PublicationReason, weight: number) {
    const id = p.id.replace(/^a/, '');
    const title = t('matching.quoted', { title: p.title });
    return {
      key: p.id,
      text: p.year ? `${title}${t('matching.inYear', { year: p.year })}` : title,
      hint: t('matching.formulaPublication', { relevance: fixed(p.relevance), share: fixed(p.share), weight: fixed(weight, 2), value: signed(p.contribution) }),
      to: isAchievementEvidence(p) ? { name: 'achievement', params: { id } } : undefined,
    };
  }

  function publicationLine(key: string, label: string, pubs: PublicationReason[], weight: number): ReasonLine {
    const value = pubs.reduce((a, p) => a + p.contribution, 0);
    return {
      key,
      signal: 'publication',
      label,
      items: pubs.slice(0, maxItems).map((p) => publicationItem(p, weight)),
      more: Math.max(0, pubs.length - maxItems),
      contribution: value,
      formula: t('matching.formulaPublications', { n: pubs.length, value: signed(value) }),
    };
  }

  /** The reasons of a hit, in the order of the score bar. */
  function lines(hit: Hit, weights: Partial<MatchWeights>): ReasonLine[] {
    const out: ReasonLine[] = [];
    const textWeight = weights.text ?? 1;

    const terms = termReasons(hit);
    if (terms.length) {
      const value = terms.reduce((a, r) => a + r.contribution, 0);
      out.push({
        key: 'text',
        signal: 'text',
        label: t('matching.keywords'),
        items: notableTerms(terms).map((r) => ({
          key: r.term,
          text: r.via ? t('matching.synonym', { term: r.term, via: r.via }) : r.term,
          hint: signed(r.contribution, 4),
        })),
        more: 0,
        contribution: value,
        formula: t('matching.formulaText', { n: terms.length, weight: fixed(textWeight, 2), value: signed(value) }),
      });
    }

    const pubs = publicationReasons(hit);
    const papers = pubs.filter((p) => !isAchievementEvidence(p));
    const achievements = pubs.filter(isAchievementEvidence);
    if (papers.length) out.push(publicationLine('papers', t('matching.papers', { n: papers.length }, papers.length), papers, textWeight));
    if (achievements.length) {
      out.push(publicationLine('achievements', t('matching.achievementEvidence', { n: achievements.length }, achievements.length), achievements, textWeight));
    }

    for (const r of hit.reasons) {
      const signal = signalOf(r);
      if (r.signal === 'discipline' || r.signal === 'industry') {
        const a = r as AgreementReason;
        const same = a.agreement >= 1;
        const label = r.signal === 'discipline' ? t(same ? 'matching.disciplineSame' : 'matching.disciplineNear') : t(same ? 'matching.industrySame' : 'matching.industryNear');
        out.push({
          key: r.signal,
          signal,
          label,
          items: a.matched.map((c) => ({ key: c, text: r.signal === 'discipline' ? disciplineName(c) : industryName(c), hint: c })),
          more: 0,
          contribution: a.contribution,
          formula: t('matching.formulaAgreement', { weight: fixed(a.weight, 2), agreement: fixed(a.agreement, 1), value: signed(a.contribution) }),
        });
      } else if (r.signal === 'pairing') {
        const p = r as PairingReason;
        const [west, east] = p.pair;
        out.push({
          key: 'pairing',
          signal,
          label: t('matching.pairing'),
          items: [{ key: 'pair', text: `${regionName(east)} ↔ ${regionName(west)}` }],
          more: 0,
          contribution: p.contribution,
          formula: t('matching.formulaPairing', { weight: fixed(p.weight, 2), value: signed(p.contribution) }),
        });
      } else if (r.signal === 'recency') {
        const p = r as RecencyReason;
        const factor = p.weight ? p.contribution / p.weight : 0;
        out.push({
          key: 'recency',
          signal,
          label: t(`matching.recency.${hit.kind}`, { year: Math.floor(p.year) }),
          items: [],
          more: 0,
          contribution: p.contribution,
          formula: t('matching.formulaRecency', { weight: fixed(p.weight, 2), factor: fixed(factor, 2), value: signed(p.contribution) }),
        });
      } else if (r.signal === 'load') {
        const p = r as LoadReason;
        out.push({
          key: 'load',
          signal,
          label: t('matching.load', { n: p.load }, p.load),
          items: [],
          more: 0,
          contribution: p.contribution,
          formula: t('matching.formulaLoad', { n: p.load, weight: fixed(p.weight, 2), value: signed(p.contribution) }),
        });
      } else if (signal === 'other') {
        out.push({
          key: `other-${out.length}`,
          signal,
          label: t('matching.other', { signal: r.signal }),
          items: [],
          more: 0,
          contribution: r.contribution,
          formula: signed(r.contribution),
        });
      }
    }
    const order: MatchSignal[] = ['publication', 'text', 'discipline', 'industry', 'pairing', 'recency', 'other', 'load'];
    return out.sort((a, b) => order.indexOf(a.signal) - order.indexOf(b.signal));
  }

  return { lines, signalName, disciplineName, industryName, regionName };
}
