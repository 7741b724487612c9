import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { AppError, formatMessage, localeFromHeader, type Locale } from '../errors.js';
import { systemContext } from '../auth/context.js';
import { openPlatform, type Platform } from '../platform.js';
import { ReferenceCsvError } from '../reference/reference.js';
import { importIndustries, importRegions } from '../modules/reference/reference.service.js';
import { createUser } from '../auth/auth.service.js';
import { roleNames, type RoleName } from '../db/schema/users.js';
import { seedDemo, type SeedSummary } from '../db/seed/seed-demo.js';
import { importJsonl } from '../modules/imports/import.service.js';
import { ImportRefused, importSheet } from '../modules/imports/import.sheet.js';
import * as matching from '../modules/matching/matching.service.js';
import { resolveDemandId } from '../modules/demands/demand.service.js';
import { readJsonl } from '../documents/jsonl/jsonl.js';
import { importKinds, type ImportProblem } from '../modules/imports/import.schema.js';

/** Failure of a command, with a message for the console; exit status 1. */
class CliError extends Error {}

function cliLocale(): Locale {
  return localeFromHeader(process.env.SHANHAI_LANG ?? process.env.LANG?.replace('_', '-'));
}

async function withPlatform<T>(fn: (p: Platform, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const platform = await openPlatform(config);
  try {
    return await fn(platform, config);
  } finally {
    await platform.close();
  }
}

function readInput(file: string): string {
  if (!fs.existsSync(file)) throw new CliError(`File not found / 文件不存在: ${file}`);
  const buf = fs.readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  return text;
}

/** Prints the demo accounts a seed created. */
export function printAccounts(summary: SeedSummary, write: (s: string) => void = console.log) {
  write('');
  write('演示数据已生成 Demo data created:');
  write(`  ${summary.organizations} 单位 organizations · ${summary.experts} 专家 experts · ${summary.publications} 论文 publications`);
  write(`  ${summary.demandLists} 需求清单 demand lists · ${summary.demands} 技术需求 demands · ${summary.achievements} 科技成果 achievements`);
  write('演示账号 Demo accounts (username / password · role):');
  for (const u of summary.users) write(`  ${u.username.padEnd(12)} ${u.password}   ${u.role}${u.scope ? ` (${u.scope})` : ''}`);
  write('');
}

async function serve(opts: { demo?: boolean; port?: string }) {
  const { buildWeb } = (await import('../../scripts/build-web.mjs')) as { buildWeb: () => boolean };
  if (!buildWeb()) throw new CliError('The web app failed to build (see above) / 前端构建失败');
  const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}) });
  const started = Date.now();
  const platform = await openPlatform(config);
  if (opts.demo) {
    const { generateDemo } = await import('../db/seed/demo/generate-demo.js');
    const summary = await seedDemo(platform.db, systemContext(), generateDemo());
    if (summary) printAccounts(summary);
  }
  const interrupted = await platform.jobs.recover();
  if (interrupted) console.log(`${interrupted} job(s) interrupted by the last stop were marked failed`);
  // Build the matching engine before accepting requests, so the first search is as fast as the rest.
  const index = await platform.index();
  const { buildApp } = await import('../http/app.js');
  const app = await buildApp({ platform, config });
  const stop = async () => {
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = address.replace(/0\.0\.0\.0|127\.0\.0\.1|\[::1?\]/, 'localhost');
  console.log(`山海 Shanhai is ready at ${shown}  (database: ${platform.kind} ${platform.location}; matching index ${index.engine.size()} records in ${(index.builtInMs / 1000).toFixed(1)} s; started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`API docs: ${shown}/api/docs`);
  await new Promise(() => {});
}

interface QueryCliOptions {
  kind: string;
  text?: string;
  queries?: string;
  limit: string;
  json?: boolean;
}

type Hits = Awaited<ReturnType<typeof matching.search>>;

function printResult(ref: string | null, r: Hits, json: boolean | undefined) {
  if (json) {
    console.log(JSON.stringify({ ref, took_ms: Number(r.tookMs.toFixed(3)), results: r.hits.map((h) => ({ ref: h.ref, id: h.id, score: h.score, reasons: h.reasons })) }));
    return;
  }
  console.log(`${ref ? `[${ref}] ` : ''}${r.hits.length} results in ${r.tookMs.toFixed(2)} ms`);
  r.hits.forEach((h, i) => {
    const terms = (h.reasons as { signal: string; term?: string; title?: string }[])
      .map((x) => (x.signal === 'term' ? x.term : x.signal === 'publication' ? `《${x.title}》` : x.signal))
      .slice(0, 6)
      .join(' ');
    console.log(`${String(i + 1).padStart(3)}. ${h.score.toFixed(4)}  ${h.title}${h.subtitle ? ` — ${h.subtitle}` : ''}${h.ref ? `  (ref ${h.ref})` : ''}\n       ${terms}`);
  });
}

/** `shanhai match` / `shanhai search`: one text, one demand, or a file of queries. */
async function runQueries(verb: 'match' | 'search', o: QueryCliOptions & { demand?: string }) {
  const kinds = verb === 'match' ? ['expert', 'achievement', 'organization', 'demand'] : ['demand', 'expert', 'achievement', 'organization'];
  if (!kinds.includes(o.kind)) throw new CliError(`--kind must be one of ${kinds.join(', ')} (got "${o.kind}")`);
  const limit = Number(o.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliError('--limit must be an integer from 1 to 1000');
  const given = [o.text, o.queries, o.demand].filter((x) => x !== undefined).length;
  if (given !== 1) throw new CliError(`give exactly one of --text, --queries${verb === 'match' ? ', --demand' : ''}`);
  const kind = o.kind as 'expert' | 'achievement' | 'organization' | 'demand';
  await withPlatform(async (p) => {
    const ctx = systemContext(cliLocale());
    const run = (text: string) => (verb === 'match' ? matching.match(p, ctx, { text, kind, limit }) : matching.search(p, ctx, { text, kind, limit }));
    if (o.demand !== undefined) {
      const id = await resolveDemandId(p.db, ctx, o.demand);
      if (kind === 'demand') throw new CliError('--demand matches experts, achievements or organizations, not demands');
      printResult(o.demand, await matching.matchesForDemand(p, ctx, id, kind, limit), o.json);
    } else if (o.text !== undefined) {
      printResult(null, await run(o.text), o.json);
    } else {
      const { rows, errors } = readJsonl(readInput(o.queries as string));
      if (errors.length) throw new CliError(errors.map((e) => `row ${e.line}: ${e.message}`).join('\n'));
      for (const { line, value } of rows) {
        const q = value as { ref?: unknown; text?: unknown };
        if (typeof q?.text !== 'string') throw new CliError(`row ${line}, text: required (a string)`);
        const ref = q.ref == null ? null : String(q.ref);
        try {
          printResult(ref, await run(q.text), o.json);
        } catch (e) {
          // One bad query (empty, only stopwords) must not stop a batch: report it in its line.
          if (e instanceof AppError && o.json) console.log(JSON.stringify({ ref, took_ms: 0, results: [], error: { code: e.code, message: formatMessage(e.code, cliLocale(), e.params) } }));
          else throw e;
        }
      }
    }
  });
}

/** Runs the CLI; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('shanhai')
    .description('山海 Shanhai — East–West S&T cooperation platform.\nEnvironment: SHANHAI_DATA_DIR (default ./data), DATABASE_URL (PostgreSQL instead of the embedded database), PORT.')
    .exitOverride()
    .showHelpAfterError();

  program
    .command('serve')
    .description('Serve the web app and API (migrates the database first)')
    .option('--demo', 'fill an empty database with the demo data set and print the demo accounts')
    .option('-p, --port <port>', 'port (default $PORT or 3000)')
    .action(serve);

  program
    .command('migrate')
    .description('Create or upgrade the database schema and the built-in reference data')
    .action(() => withPlatform(async (p) => console.log(`Database is up to date (${p.kind} ${p.location})`)));

  const seed = program.command('seed').description('Fill the database with data sets');
  seed
    .command('demo')
    .description('Insert the deterministic demo data set into an empty database and print the demo accounts')
    .option('--seed <n>', 'random seed', '20231')
    .action((o: { seed: string }) =>
      withPlatform(async (p) => {
        const { generateDemo } = await import('../db/seed/demo/generate-demo.js');
        const summary = await seedDemo(p.db, systemContext(), generateDemo(Number(o.seed)));
        if (!summary) throw new CliError('The database already has data; demo data is only added to an empty database / 数据库已有数据，演示数据只能写入空库');
        printAccounts(summary);
      }),
    );

  const user = program.command('user').description('Manage user accounts');
  user
    .command('create')
    .description('Create a user account with one role')
    .requiredOption('-u, --username <name>', 'login name (3–40 letters, digits, _ . -)')
    .requiredOption('-p, --password <password>', 'initial password (≥ 8 characters, letters and digits)')
    .requiredOption('-r, --role <role>', `one of ${roleNames.join(', ')}`)
    .option('-n, --display-name <name>', 'name shown in the app (default: the username)')
    .option('--region <code>', 'region code (region_officer)')
    .option('--organization <id>', 'organization id (enterprise_member)')
    .option('--expert <id>', 'expert id (expert)')
    .option('--email <email>', 'e-mail address')
    .action((o: { username: string; password: string; role: string; displayName?: string; region?: string; organization?: string; expert?: string; email?: string }) =>
      withPlatform(async (p) => {
        if (!(roleNames as readonly string[]).includes(o.role)) throw new CliError(`--role must be one of ${roleNames.join(', ')} (got "${o.role}")`);
        const me = await createUser(p.db, systemContext(cliLocale()), {
          username: o.username,
          displayName: o.displayName ?? o.username,
          password: o.password,
          email: o.email,
          roles: [{ role: o.role as RoleName, regionCode: o.region, organizationId: o.organization ? Number(o.organization) : undefined, expertId: o.expert ? Number(o.expert) : undefined }],
        });
        console.log(`Created user ${me.username} (id ${me.id}, ${me.roles.map((r) => r.role).join(', ')})`);
      }),
    );

  const imp = program.command('import').description('Import data from files');
  imp
    .command('regions <file>')
    .description('Load a region list CSV (code,name | code,name,provinceCode | code,name,cityCode,provinceCode | the AreaCity level-3 file)')
    .action((file: string) =>
      withPlatform(async (p) => {
        const s = await importRegions(p.db, systemContext(cliLocale()), readInput(file));
        console.log(`Regions: ${s.rows} rows, ${s.inserted} added, ${s.updated} updated`);
      }),
    );
  imp
    .command('industries <file>')
    .description('Load an industry scheme CSV (code,name,parent_code,level,…; GB/T 4754-2017 four levels)')
    .action((file: string) =>
      withPlatform(async (p) => {
        const s = await importIndustries(p.db, systemContext(cliLocale()), readInput(file));
        console.log(`Industries: ${s.rows} rows, ${s.inserted} added, ${s.updated} updated`);
      }),
    );

  for (const kind of importKinds) {
    imp
      .command(`${kind} <file>`)
      .description(`Import ${kind} from .xlsx, .csv or .jsonl (docs/import.md); records with a known ref are updated`)
      .option('--skip-invalid', 'import the valid rows and report the others (default: any problem imports nothing)')
      .option('--json', 'print the report as JSON')
      .action((file: string, o: { skipInvalid?: boolean; json?: boolean }) =>
        withPlatform(async (p) => {
          const ext = path.extname(file).toLowerCase();
          if (!['.jsonl', '.json', '.xlsx', '.csv'].includes(ext)) throw new CliError(`Unsupported file type: ${file} (expected .xlsx, .csv or .jsonl) / 不支持的文件类型`);
          if (!fs.existsSync(file)) throw new CliError(`File not found / 文件不存在: ${file}`);
          const ctx = systemContext(cliLocale());
          const show = (pr: ImportProblem) => `  row ${pr.row}, ${pr.column}: ${pr.message}${pr.value ? ` ("${pr.value}")` : ''}`;
          // A marked copy of a spreadsheet with problems is written beside it.
          const saveMarked = (buf: Buffer) => {
            const out = path.join(path.dirname(file), `${path.parse(file).name}-错误标注.xlsx`);
            fs.writeFileSync(out, buf);
            console.error(`Marked workbook / 错误标注工作簿: ${out}`);
          };
          try {
            const report = ext === '.xlsx' || ext === '.csv'
              ? await importSheet(p, ctx, kind, fs.readFileSync(file), { skipInvalid: o.skipInvalid, filename: path.basename(file) })
              : await importJsonl(p, ctx, kind, readInput(file), { skipInvalid: o.skipInvalid });
            const annotated = (report as { annotated?: Buffer }).annotated;
            if (annotated) saveMarked(annotated);
            if (o.json) console.log(JSON.stringify({ ...report, ids: undefined, annotated: undefined }));
            else {
              console.log(`${kind}: ${report.rows} rows, ${report.created} created, ${report.updated} updated, ${report.skipped.length} skipped`);
              for (const pr of report.skipped.slice(0, 100)) console.log(show(pr));
            }
          } catch (e) {
            if (e instanceof AppError && e.code === 'IMPORT_INVALID') {
              const problems = e.details as ImportProblem[];
              console.error(formatMessage('IMPORT_INVALID', cliLocale(), e.params));
              for (const pr of problems.slice(0, 200)) console.error(show(pr));
              if (problems.length > 200) console.error(`  … ${problems.length - 200} more`);
              if (e instanceof ImportRefused && e.annotated) saveMarked(e.annotated);
              throw new CliError('nothing was imported / 未导入任何数据');
            }
            throw e;
          }
        }),
      );
  }

  const queryOptions = (c: Command) =>
    c
      .option('--text <text>', 'one query text')
      .option('--queries <file>', 'a .jsonl file of {"ref","text"} lines; one JSON result line each')
      .option('--limit <n>', 'results per query', '10')
      .option('--json', 'print JSON lines {ref, took_ms, results:[{ref,id,score,reasons}]}');

  queryOptions(
    program
      .command('match')
      .description('Rank experts, achievements or organizations for a demand or a text, with reasons')
      .requiredOption('--kind <kind>', 'expert | achievement | organization | demand')
      .option('--demand <id|ref>', 'a demand in the registry (database id or ref)'),
  ).action((o: QueryCliOptions & { demand?: string }) => runQueries('match', o));

  queryOptions(
    program
      .command('search')
      .description('Plain retrieval over one registry')
      .requiredOption('--kind <kind>', 'demand | expert | achievement | organization'),
  ).action((o: QueryCliOptions) => runQueries('search', o));

  program
    .command('openapi')
    .description('Write the OpenAPI document generated from the route schemas to docs/openapi.json')
    .option('--check', 'fail when docs/openapi.json differs from what the code generates')
    .action(async (o: { check?: boolean }) => {
      const config = loadConfig({ ...process.env, SHANHAI_DATA_DIR: 'memory://', DATABASE_URL: undefined, LOG_LEVEL: 'silent' });
      const platform = await openPlatform(config);
      try {
        const { buildApp } = await import('../http/app.js');
        const app = await buildApp({ platform, config, logger: false });
        await app.ready();
        const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
        await app.close();
        const file = fs.existsSync('docs') ? 'docs/openapi.json' : 'openapi.json';
        if (o.check) {
          const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
          if (current !== doc) throw new CliError(`${file} is out of date; run \`npx shanhai openapi\` and commit it`);
          console.log(`${file} is up to date`);
        } else {
          fs.writeFileSync(file, doc);
          console.log(`Wrote ${file}`);
        }
      } finally {
        await platform.close();
      }
    });

  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    return reportError(err);
  }
}

function reportError(err: unknown): number {
  const locale = cliLocale();
  if (err instanceof CommanderError) {
    return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2;
  }
  if (err instanceof AppError) {
    console.error(`Error ${err.code}: ${formatMessage(err.code, locale, err.params)}`);
    for (const f of err.fields ?? []) console.error(`  ${f.path}: ${f.message}`);
  } else if (err instanceof ReferenceCsvError) {
    console.error(`Error: ${err.message}`);
  } else if (err instanceof ConfigError || err instanceof CliError) {
    console.error(`Error: ${err.message}`);
  } else {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
  return 1;
}

