/**
 * Spreadsheet import benchmark: writes an expert sheet of realistic Chinese rows (姓名, 性别,
 * 工作单位, 职称, 学科, 研究方向, 所在地区, 手机, 邮箱, 出生日期, 是否院士, 主持项目数, 简介) as
 * XLSX and CSV with the streaming exporters, then reads each back through the streaming reader
 * with full validation, in a fresh process per phase so each peak RSS is that phase's own.
 * Three rows are planted wrong; the read must report exactly those. Last, the error workbook
 * of the XLSX is built (streaming path, as for any large upload).
 *
 *   node --import tsx bench/import-xlsx.bench.ts                 # 100,000 rows
 *   node --import tsx bench/import-xlsx.bench.ts --rows 20000
 *
 * Goal (issue 4): 100,000 rows imported in ≤ 60 s at bounded memory on a 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCsv } from '../server/documents/csv/export.js';
import { expertSheetExample as spec, type ExpertSheetRow } from '../server/documents/table/example-spec.js';
import { readSpreadsheet } from '../server/documents/table/read.js';
import { annotateSpreadsheet } from '../server/documents/xlsx/annotate.js';
import { writeXlsx } from '../server/documents/xlsx/export.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};

interface PhaseResult {
  phase: string;
  seconds: number;
  rows: number;
  problems: number;
  problemRows: number[];
  peakRssMb: number;
}

const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

// ── a phase in a child process ────────────────────────────────────────────────────────────────
const phase = opt('phase', '');
if (phase) {
  const file = opt('file', '');
  const started = performance.now();
  let result: PhaseResult;
  if (phase === 'read-xlsx' || phase === 'read-csv') {
    let rows = 0;
    const problemRows: number[] = [];
    const report = await readSpreadsheet(file, spec, {
      onRow: (r) => {
        rows++;
        if (r.problems.length) problemRows.push(r.row);
      },
    });
    if (report.fatal) throw new Error(report.fatal.message.en);
    result = { phase, seconds: (performance.now() - started) / 1000, rows, problems: report.problemCount, problemRows, peakRssMb: peakRssMb() };
  } else {
    const report = await readSpreadsheet(file, spec);
    const marked = await annotateSpreadsheet(file, report.problems, { spec, sheet: report.sheet });
    result = { phase, seconds: (performance.now() - started) / 1000, rows: report.rows, problems: marked.length, problemRows: [], peakRssMb: peakRssMb() };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

// ── data ──────────────────────────────────────────────────────────────────────────────────────
const nRows = Number(opt('rows', '100000'));
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const givenChars = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅建国志宏海波宁夏春晓东'.split('');
const organizations = [
  '宁夏大学', '宁夏医科大学', '北方民族大学', '宁夏农林科学院', '宁夏师范大学', '宁夏理工学院', '银川能源学院',
  '福州大学', '厦门大学', '福建农林大学', '福建师范大学', '华侨大学', '集美大学', '福建医科大学',
  '中国科学院福建物质结构研究所', '宁夏枸杞工程技术研究中心', '宁夏回族自治区农业技术推广总站', '福建省农业科学院',
  '宁夏宝丰能源集团股份有限公司', '宁夏红枸杞产业集团有限公司',
];
const titleLabels = spec.columns.find((c) => c.key === 'title')?.options?.map((o) => o.value) ?? [];
const regionValues = spec.columns.find((c) => c.key === 'region')?.options?.map((o) => o.value) ?? [];
const disciplines = ['食品科学与工程', '园艺学', '作物学', '化学工程与技术', '材料科学与工程', '环境科学与工程', '水利工程', '畜牧学', '计算机科学与技术', '临床医学', '生物学', '农业资源与环境'];
const fields = ['枸杞干燥', '果蔬保鲜', '葡萄酒酿造', '滩羊育种', '煤化工', '光伏材料', '节水灌溉', '盐碱地改良', '马铃薯育种', '中药材种植', '冷链物流', '智能农机', '土壤修复', '奶牛养殖', '风电运维'];

/** A small deterministic PRNG, so every run writes the same file. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Row i (0-based); name + organization unique, as the spec requires. Rows 16, 4_999 and n-2 are planted wrong. */
function* expertRows(n: number): Generator<ExpertSheetRow> {
  const r = rng(42);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  for (let i = 0; i < n; i++) {
    const k = Math.floor(i / organizations.length);
    const name = surnames[k % surnames.length] + givenChars[Math.floor(k / surnames.length) % givenChars.length] + givenChars[Math.floor(k / surnames.length / givenChars.length) % givenChars.length];
    const row: ExpertSheetRow = {
      name,
      gender: r() < 0.6 ? 'male' : 'female',
      organization: organizations[i % organizations.length],
      title: pick(titleLabels),
      disciplines: [pick(disciplines)],
      fields: [pick(fields), pick(fields)].filter((f, j, a) => a.indexOf(f) === j),
      region: pick(regionValues),
      mobile: `1${3 + Math.floor(r() * 7)}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
      email: `expert${i}@${['nxu.edu.cn', 'fzu.edu.cn', 'nxaas.cn', 'xmu.edu.cn'][i % 4]}`,
      born: `${1955 + Math.floor(r() * 40)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      academician: r() < 0.01,
      projects: Math.floor(r() * 15),
      bio: `长期从事${pick(fields)}与${pick(fields)}研究，主持国家级和省部级科研项目${1 + Math.floor(r() * 9)}项，发表论文${10 + Math.floor(r() * 90)}篇，获授权发明专利${Math.floor(r() * 12)}件。`,
    };
    if (i === 16) row.mobile = '1380000'; // too short
    if (i === 4_999) row.email = 'expert@nxu'; // no domain
    if (i === n - 2) row.born = '2024-02-30'; // no such day
    yield row;
  }
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────
const dir = mkdtempSync(join(os.tmpdir(), 'shanhai-import-bench-'));
const xlsx = join(dir, '专家库.xlsx');
const csv = join(dir, '专家库.csv');
const log = (...a: unknown[]): void => console.log(...a);
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

log(`Spreadsheet import benchmark: ${nRows.toLocaleString('en')} expert rows, ${spec.columns.length} columns`);
log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB`);

let t = performance.now();
await writeXlsx(spec, expertRows(nRows), xlsx);
const writeXlsxS = (performance.now() - t) / 1000;
t = performance.now();
await writeCsv(spec, expertRows(nRows), csv);
const writeCsvS = (performance.now() - t) / 1000;
log(`write  XLSX ${writeXlsxS.toFixed(1)} s (${mb(statSync(xlsx).size)}), CSV ${writeCsvS.toFixed(1)} s (${mb(statSync(csv).size)})`);

function run(name: string, file: string): PhaseResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--phase', name, '--file', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as PhaseResult;
}

const planted = [18, 5001, nRows]; // rows as Excel shows them: header is row 1
for (const name of ['read-xlsx', 'read-csv'] as const) {
  const r = run(name, name === 'read-xlsx' ? xlsx : csv);
  const ok = JSON.stringify(r.problemRows) === JSON.stringify(planted);
  log(
    `${name.padEnd(9)} ${r.rows.toLocaleString('en')} rows in ${r.seconds.toFixed(1)} s = ${Math.round(r.rows / r.seconds).toLocaleString('en')} rows/s, ` +
      `peak RSS ${r.peakRssMb.toFixed(0)} MB, problems ${r.problems} at rows ${r.problemRows.join(', ')} ${ok ? '(as planted)' : '(NOT as planted)'}`,
  );
  if (!ok) process.exitCode = 1;
}
const a = run('annotate', xlsx);
log(`annotate  read + error workbook of ${a.rows.toLocaleString('en')} rows in ${a.seconds.toFixed(1)} s (${mb(a.problems)}), peak RSS ${a.peakRssMb.toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
