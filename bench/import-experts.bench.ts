/**
 * A 100,000-row expert sheet imported end to end into the embedded database: read and validate
 * (streaming), resolve names to codes, write experts, publications and audit rows, index them.
 *
 *   node --expose-gc --import tsx bench/import-experts.bench.ts [--rows 100000]
 *
 * Prints seconds per phase, rows/s, peak RSS and the progress reports seen.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { openPlatform } from '../server/platform.js';
import { systemContext } from '../server/auth/context.js';
import { writeXlsx } from '../server/documents/xlsx/export.js';
import { expertSheet } from '../server/modules/imports/sheets.js';
import { importSheet } from '../server/modules/imports/import.sheet.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rows = arg('rows', 100_000);

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const given = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '军', '杰', '涛', '明', '超', '秀英', '华', '强', '平', '刚', '建国', '海燕', '晓东', '志强', '丽', '红梅'];
const orgs = ['福州大学', '浙江大学', '江南大学', '中国农业大学', '宁夏大学', '北方民族大学', '宁夏农林科学院', '南京农业大学', '山东农业大学', '华南理工大学'];
const titles = ['教授', '研究员', '副教授', '副研究员', '高级工程师', '讲师'];
const topics = [
  ['食品科学与工程', '枸杞多糖提取、功能食品', '枸杞多糖超声辅助提取工艺优化'],
  ['电气工程', '光伏组件清洗、新能源并网', '戈壁光伏电站积灰对发电效率的影响'],
  ['畜牧学', '滩羊繁育、饲草青贮', '滩羊舍饲育肥日粮配方研究'],
  ['园艺学', '酿酒葡萄栽培、霜霉病防控', '贺兰山东麓酿酒葡萄霜霉病绿色防控'],
  ['材料科学与工程', '电池级碳酸锂、单晶硅切片', '单晶硅金刚线切片表面损伤研究'],
  ['化学工程与技术', '煤制烯烃催化剂、高盐废水', '煤化工高盐废水分质结晶工艺'],
];

function* sheetRows() {
  for (let i = 0; i < rows; i++) {
    const t = topics[i % topics.length];
    yield {
      name: surnames[i % surnames.length] + given[(i * 7) % given.length],
      organization: orgs[(i * 3) % orgs.length],
      title: titles[i % titles.length],
      disciplines: [t[0]],
      fields: t[1].split('、'),
      publications: [`${t[2]}（${i}）`],
      email: `expert${i}@example.edu.cn`,
      phone: `139${String(10_000_000 + i).slice(-8)}`,
      ref: `BENCH-EXP-${i}`,
    };
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanhai-bench-import-'));
const file = path.join(dir, 'experts.xlsx');
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
try {
  let t = performance.now();
  await writeXlsx(expertSheet, sheetRows(), file);
  const writeS = (performance.now() - t) / 1000;
  const size = fs.statSync(file).size;
  const platform = await openPlatform(loadConfig({ SHANHAI_DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  await platform.index();
  const reports: string[] = [];
  let lastReport = 0;
  peak = process.memoryUsage().rss;
  t = performance.now();
  const report = await importSheet(platform, systemContext(), 'experts', fs.readFileSync(file), {
    filename: 'experts.xlsx',
    progress: (f, m) => {
      if (f - lastReport >= 0.1 || f === 1) {
        lastReport = f;
        reports.push(`${(f * 100).toFixed(0)}% ${((performance.now() - t) / 1000).toFixed(1)}s ${m ?? ''}`);
      }
    },
  });
  const importS = (performance.now() - t) / 1000;
  console.log(`rows: ${rows} · file ${(size / 1e6).toFixed(1)} MB written in ${writeS.toFixed(1)} s`);
  console.log(`import (read + validate + write + audit + index): ${importS.toFixed(1)} s · ${Math.round(rows / importS)} rows/s · created ${report.created}, updated ${report.updated}, skipped ${report.skipped.length}`);
  console.log(`peak RSS during import: ${(peak / 1e6).toFixed(0)} MB`);
  console.log(`progress reports: ${reports.join(' | ')}`);
  await platform.close();
} finally {
  clearInterval(sample);
  fs.rmSync(dir, { recursive: true, force: true });
}
