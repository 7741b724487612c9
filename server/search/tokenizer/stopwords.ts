import { readFileSync } from 'node:fs';

/*
 * The built-in lists are deliberately short. BM25's IDF already discounts frequent words, so a
 * stopword list only has to remove words that carry no topic at all; a long list (the public
 * ones run to 1,400 entries) removes words such as 系统, 结构 or 发展 that matter in technical
 * demands. Deployers who want more load a file with `loadStopwordFile`.
 */

/** Chinese function words and academic boilerplate that never identify a topic. */
export const CHINESE_STOPWORDS: readonly string[] = Object.freeze(
  (
    '的 地 得 了 着 过 之 其 该 此 本 这 那 哪 这些 那些 这个 那个 这种 那种 这样 那样 这里 那里 ' +
    '和 与 及 以及 或 或者 而 而且 并 并且 且 但 但是 然而 而是 还是 就是 也是 即 即使 虽然 尽管 ' +
    '因为 所以 因此 因而 从而 由于 于是 为了 以便 以免 如果 若 假如 只要 只有 除了 除非 无论 不论 ' +
    '在 于 对 对于 关于 至于 向 往 从 自 自从 由 被 把 将 让 使 给 为 以 用 按 按照 根据 依据 通过 经过 ' +
    '是 有 无 没 没有 不 未 非 否 也 都 又 再 还 就 才 只 仅 仅仅 均 皆 各 每 某 个 些 等 等等 ' +
    '我 你 您 他 她 它 我们 你们 他们 她们 它们 自己 大家 人们 本人 ' +
    '吗 呢 吧 啊 呀 哦 嘛 么 之一 一个 一些 一种 一定 一般 一直 一方面 另一方面 另外 此外 其中 其他 其它 ' +
    '可 可以 能 能够 会 要 需 需要 应 应该 应当 必须 可能 已 已经 曾 曾经 正在 将要 ' +
    '很 更 最 较 比较 非常 十分 极 极其 相当 尤其 特别 主要 大量 大多 多种 各种 各类 各个 ' +
    '如 如下 如何 怎样 怎么 什么 为何 为什么 何 哪些 多少 ' +
    '上 下 中 内 外 前 后 里 间 之间 之中 之后 之前 以上 以下 以来 以后 以前 左右 ' +
    '并且 或是 及其 以至 以致 进而 然后 同时 随着 对此 为此 据此 ' +
    '本文 文中 文章 本研究 结果表明 研究表明 表明 提出 采用 进行 利用 基于 具有 得到 获得 给出 ' +
    '一 二 三 第一 第二 第三 首先 其次 最后 ' +
    '个人 方面 情况 问题 过程 作用 影响 部分 条件 方式 内容 结果 特点'
  )
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * English function words (the usual short list, close to Lucene's and Snowball's), plus the
 * verbs of abstract boilerplate ("we propose…", "results show…", "was optimized"), the English
 * counterpart of 本文/提出/采用 above. Only these inflected forms are listed, not their stems,
 * so nouns such as "optimization" or "evaluation" stay searchable.
 */
export const ENGLISH_STOPWORDS: readonly string[] = Object.freeze(
  (
    'propose proposed proposes present presented presents paper study studied studies result results ' +
    'show shows showed shown based using use used uses novel investigate investigated evaluate evaluated ' +
    'improve improved improves improving optimize optimized optimizing optimise optimised significantly ' +
    'obtained achieve achieved respectively various different ' +
    'a about above after again against all am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have ' +
    'having he her here hers herself him himself his how i if in into is it its itself just me more most ' +
    'my myself no nor not now of off on once only or other our ours ourselves out over own same she should ' +
    'so some such than that the their theirs them themselves then there these they this those through to ' +
    'too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves also however thus therefore may might must shall via within without upon ' +
    'among et al eg ie etc'
  )
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Parses a stopword file: one word per line, `#` starts a comment, blank lines ignored.
 *
 * @example
 * parseStopwords('的\n# comment\n了\n') // ['的', '了']
 */
export function parseStopwords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\ufeff/, '').trim();
    if (!line || line.startsWith('#')) continue;
    out.push(line.split(/\s+/)[0]);
  }
  return out;
}

/**
 * Reads a deployer stopword file (UTF-8, one word per line, e.g. the HIT or Baidu lists).
 *
 * @example
 * engine.addStopwords(loadStopwordFile('/etc/shanhai/stopwords.txt'));
 */
export function loadStopwordFile(path: string): string[] {
  return parseStopwords(readFileSync(path, 'utf8'));
}
