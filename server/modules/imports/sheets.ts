import { defineTable, type ColumnSpec, type TableSpec } from '../../documents/table/spec.js';
import type { ImportKind } from './import.schema.js';

/**
 * The spreadsheet form of each registry: the same fields as the JSONL rows (docs/import.md), with
 * the Chinese headers people use. Templates, uploads, error workbooks and exports all follow these
 * specs, so export → edit → re-import is a round trip.
 */
const ref: ColumnSpec = {
  key: 'ref',
  header: { zh: '编号', en: 'Ref' },
  type: 'text',
  maxLength: 100,
  aliases: ['外部编号', 'ref', 'ID'],
  notes: { zh: '来源系统中的编号；再次导入同一编号会更新原记录而不是新增', en: 'The id in the source; re-importing the same ref updates the record' },
  example: 'NX-2024-001',
};
const region: ColumnSpec = {
  key: 'region',
  header: { zh: '所在地区', en: 'Region' },
  type: 'text',
  maxLength: 100,
  aliases: ['地区', '所在地', '区县', '行政区划'],
  notes: { zh: '区划代码或名称，如“宁夏银川市西夏区”“西夏区”或“640105”', en: 'A region code or name, e.g. 宁夏银川市西夏区, 西夏区 or 640105' },
  example: '宁夏银川市西夏区',
};
const industry: ColumnSpec = {
  key: 'industry',
  header: { zh: '所属产业', en: 'Industry' },
  type: 'text',
  maxLength: 100,
  aliases: ['产业', '行业', '重点产业'],
  notes: { zh: '重点产业（如“枸杞”“清洁能源”）或国民经济行业名称/代码（如“食品制造业”“C14”）', en: 'A key industry (枸杞, 清洁能源) or a GB/T 4754 class (食品制造业, C14)' },
  example: '枸杞',
};
const keywords: ColumnSpec = {
  key: 'keywords',
  header: { zh: '关键词', en: 'Keywords' },
  type: 'list',
  maxItems: 20,
  maxLength: 40,
  notes: { zh: '多个关键词用顿号、逗号或分号分隔', en: 'Several keywords separated by 、 , or ;' },
  example: '枸杞、热风干燥、褐变',
};
const organization: ColumnSpec = {
  key: 'organization',
  header: { zh: '单位名称', en: 'Organization' },
  type: 'text',
  maxLength: 200,
  aliases: ['单位', '工作单位', '企业名称', '所在单位'],
  notes: { zh: '单位全称；与平台中已有单位同名时自动关联', en: 'The full name; linked to an organization on file with exactly this name' },
  example: '宁夏大学',
};

export const demandSheet = defineTable({
  sheet: { zh: '技术需求', en: 'Demands' },
  title: { zh: '企业技术需求清单', en: 'Technical demands' },
  columns: [
    { key: 'title', header: { zh: '需求名称', en: 'Title' }, type: 'text', required: true, maxLength: 500, aliases: ['需求标题', '项目名称'], notes: { zh: '一句话说明要解决的技术问题', en: 'The technical problem in one line' }, example: '枸杞热风干燥过程色泽褐变控制技术' },
    { key: 'description', header: { zh: '需求描述', en: 'Description' }, type: 'longtext', required: true, maxLength: 20_000, aliases: ['需求内容', '具体描述', '技术需求描述'], notes: { zh: '现状、存在的问题、希望达到的指标', en: 'Present state, the problem, the targets' }, example: '我公司年加工鲜果3000吨，采用热风干燥，产品褐变严重，希望将褐变率降低50%。' },
    { ...organization, header: { zh: '企业名称', en: 'Enterprise' }, aliases: ['单位名称', '需求单位', '企业'], example: '宁夏红宝枸杞产业有限公司' },
    industry,
    { key: 'discipline', header: { zh: '所属学科', en: 'Discipline' }, type: 'text', maxLength: 100, aliases: ['学科'], notes: { zh: '学科名称或代码，如“食品科学与工程”“0832”', en: 'A discipline name or code, e.g. 食品科学与工程, 0832' }, example: '食品科学与工程' },
    keywords,
    region,
    { key: 'budget', header: { zh: '拟投入资金（万元）', en: 'Budget (10k CNY)' }, type: 'number', min: 0, max: 1_000_000, aliases: ['预算', '投入资金', '拟投入资金'], notes: { zh: '单位：万元', en: 'In 10,000 CNY' }, example: '50' },
    { key: 'list', header: { zh: '需求清单', en: 'Demand list' }, type: 'text', maxLength: 200, aliases: ['清单名称'], notes: { zh: '所属需求清单名称；不存在时自动新建', en: 'The demand list; created when new' }, example: '2024年银川市企业技术需求清单' },
    ref,
  ],
  unique: [['ref']],
});

export const expertSheet = defineTable({
  sheet: { zh: '专家', en: 'Experts' },
  title: { zh: '专家库', en: 'Expert library' },
  columns: [
    { key: 'name', header: { zh: '姓名', en: 'Name' }, type: 'text', required: true, maxLength: 100, notes: { zh: '专家本人姓名', en: "The expert's full name" }, example: '王磊' },
    { ...organization, header: { zh: '工作单位', en: 'Organization' }, aliases: ['单位', '所在单位', '单位名称'], example: '福州大学' },
    { key: 'title', header: { zh: '职称', en: 'Title' }, type: 'text', maxLength: 100, aliases: ['职务/职称', '专业技术职称'], notes: { zh: '如“教授”“研究员”“高级工程师”', en: 'E.g. 教授, 研究员, 高级工程师' }, example: '教授' },
    { key: 'disciplines', header: { zh: '学科', en: 'Disciplines' }, type: 'list', maxItems: 10, maxLength: 50, aliases: ['所属学科', '学科领域'], notes: { zh: '学科名称或代码，可填多个', en: 'Discipline names or codes; several allowed' }, example: '食品科学与工程、园艺学' },
    { key: 'fields', header: { zh: '研究方向', en: 'Research fields' }, type: 'list', maxItems: 30, maxLength: 40, aliases: ['专业方向', '擅长领域', '研究领域'], notes: { zh: '多个方向用顿号分隔', en: 'Several fields separated by 、' }, example: '果蔬干燥、功能食品' },
    { key: 'publications', header: { zh: '代表性成果', en: 'Representative works' }, type: 'list', maxItems: 50, maxLength: 500, aliases: ['代表性论文', '代表作', '论文'], notes: { zh: '论文或成果题目，多个用分号或换行分隔', en: 'Titles of papers or works, separated by ; or new lines' }, example: '枸杞多糖超声辅助提取工艺优化；枸杞热风干燥褐变机理' },
    { key: 'bio', header: { zh: '个人简介', en: 'Profile' }, type: 'longtext', maxLength: 10_000, aliases: ['简介'], notes: { zh: '学习工作经历、主要成果', en: 'Career and main results' }, example: '长期从事果蔬加工研究。' },
    { key: 'email', header: { zh: '电子邮箱', en: 'Email' }, type: 'email', aliases: ['邮箱', 'E-mail'], notes: { zh: '常用邮箱', en: 'A working address' }, example: 'wanglei@fzu.edu.cn' },
    { key: 'phone', header: { zh: '手机', en: 'Mobile' }, type: 'phone', aliases: ['手机号', '联系电话', '电话'], notes: { zh: '11 位手机号或带区号的座机', en: 'An 11-digit mobile or a landline with area code' }, example: '13995101234' },
    region,
    ref,
  ],
  unique: [['ref']],
});

export const achievementSheet = defineTable({
  sheet: { zh: '科技成果', en: 'Achievements' },
  title: { zh: '科技成果库', en: 'Achievements' },
  columns: [
    { key: 'title', header: { zh: '成果名称', en: 'Title' }, type: 'text', required: true, maxLength: 500, notes: { zh: '专利、品种、软件或工艺的名称', en: 'Name of the patent, variety, software or process' }, example: '一种枸杞低温热泵干燥方法' },
    { key: 'summary', header: { zh: '成果简介', en: 'Summary' }, type: 'longtext', required: true, maxLength: 20_000, aliases: ['简介', '成果描述'], notes: { zh: '技术内容与主要指标', en: 'What it is and its key figures' }, example: '采用分段变温热泵干燥，能耗降低30%，色泽保持良好。' },
    keywords,
    {
      key: 'kind', header: { zh: '成果类型', en: 'Kind' }, type: 'enum', aliases: ['类型'],
      options: [
        { value: '专利', label: { zh: '专利', en: 'Patent' } },
        { value: '品种', label: { zh: '品种', en: 'Variety' } },
        { value: '软件', label: { zh: '软件', en: 'Software' } },
        { value: '工艺', label: { zh: '工艺', en: 'Process' } },
        { value: '装备', label: { zh: '装备', en: 'Equipment' } },
        { value: '材料', label: { zh: '材料', en: 'Material' } },
        { value: '标准', label: { zh: '标准', en: 'Standard' } },
        { value: '其他', label: { zh: '其他', en: 'Other' } },
      ],
      notes: { zh: '从下拉列表中选择', en: 'Pick from the list' }, example: '专利',
    },
    { key: 'maturity', header: { zh: '成熟度（TRL 1–9）', en: 'Maturity (TRL 1–9)' }, type: 'integer', min: 1, max: 9, aliases: ['成熟度', '技术成熟度'], notes: { zh: '技术就绪水平 1–9', en: 'Technology readiness level 1–9' }, example: '6' },
    { key: 'discipline', header: { zh: '所属学科', en: 'Discipline' }, type: 'text', maxLength: 100, aliases: ['学科'], notes: { zh: '学科名称或代码', en: 'A discipline name or code' }, example: '食品科学与工程' },
    industry,
    { ...organization, header: { zh: '完成单位', en: 'Organization' }, aliases: ['单位名称', '单位', '成果单位'] },
    region,
    ref,
  ],
  unique: [['ref']],
});

export const organizationSheet = defineTable({
  sheet: { zh: '单位', en: 'Organizations' },
  title: { zh: '单位名录', en: 'Organizations' },
  columns: [
    { key: 'name', header: { zh: '单位名称', en: 'Name' }, type: 'text', required: true, maxLength: 200, aliases: ['单位', '企业名称', '机构名称'], notes: { zh: '单位全称', en: 'The full name' }, example: '宁夏红宝枸杞产业有限公司' },
    { key: 'uscc', header: { zh: '统一社会信用代码', en: 'USCC' }, type: 'text', maxLength: 18, aliases: ['信用代码', '社会信用代码'], notes: { zh: '18 位，含校验位', en: '18 characters with a check digit' }, example: '91640100MA76XYK12L' },
    {
      key: 'kind', header: { zh: '单位类型', en: 'Kind' }, type: 'enum', aliases: ['类型', '单位性质'],
      options: [
        { value: '企业', label: { zh: '企业', en: 'Enterprise' } },
        { value: '高校', label: { zh: '高校', en: 'University' } },
        { value: '科研院所', label: { zh: '科研院所', en: 'Institute' } },
        { value: '学会', label: { zh: '学会', en: 'Society' } },
        { value: '医院', label: { zh: '医院', en: 'Hospital' } },
        { value: '园区', label: { zh: '园区', en: 'Park' } },
        { value: '机构', label: { zh: '机构', en: 'Agency' } },
      ],
      notes: { zh: '不填时按名称推断', en: 'Guessed from the name when empty' }, example: '企业',
    },
    region,
    industry,
    { key: 'description', header: { zh: '单位简介', en: 'Description' }, type: 'longtext', maxLength: 20_000, aliases: ['简介'], notes: { zh: '主营业务、研发力量', en: 'Business and R&D' }, example: '从事枸杞种植与深加工。' },
    { key: 'website', header: { zh: '网址', en: 'Website' }, type: 'text', maxLength: 300, notes: { zh: '单位网站', en: 'Web site' }, example: 'https://www.example.cn' },
    ref,
  ],
  unique: [['ref'], ['uscc']],
});

export const sheets: Record<ImportKind, TableSpec> = {
  demands: demandSheet,
  experts: expertSheet,
  achievements: achievementSheet,
  organizations: organizationSheet,
};
