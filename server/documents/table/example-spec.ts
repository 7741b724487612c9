/**
 * An expert sheet as a society sends it: the spec the converters' tests and the import benchmark
 * use, and a worked example for the registries' own specs (docs/spreadsheets.md).
 */
import { defineTable, type RowValues } from './spec.js';

const titles = [
  { value: 'professor', label: { zh: '教授', en: 'Professor' }, aliases: ['正高', '正高级'] },
  { value: 'researcher', label: { zh: '研究员', en: 'Research fellow' } },
  { value: 'senior-engineer', label: { zh: '正高级工程师', en: 'Senior engineer (full)' } },
  { value: 'associate-professor', label: { zh: '副教授', en: 'Associate professor' }, aliases: ['副高'] },
  { value: 'associate-researcher', label: { zh: '副研究员', en: 'Associate research fellow' } },
  { value: 'engineer-senior', label: { zh: '高级工程师', en: 'Senior engineer' }, aliases: ['高工'] },
  { value: 'lecturer', label: { zh: '讲师', en: 'Lecturer' } },
  { value: 'assistant-researcher', label: { zh: '助理研究员', en: 'Assistant research fellow' } },
  { value: 'engineer', label: { zh: '工程师', en: 'Engineer' } },
  { value: 'other', label: { zh: '其他', en: 'Other' } },
] as const;

/** Regions of Ningxia and its partner provinces: a long option list, so the template puts it on the hidden `lists` sheet. */
const regions = [
  ['640100', '银川市', 'Yinchuan'],
  ['640104', '兴庆区', 'Xingqing'],
  ['640105', '西夏区', 'Xixia'],
  ['640106', '金凤区', 'Jinfeng'],
  ['640121', '永宁县', 'Yongning'],
  ['640122', '贺兰县', 'Helan'],
  ['640181', '灵武市', 'Lingwu'],
  ['640200', '石嘴山市', 'Shizuishan'],
  ['640202', '大武口区', 'Dawukou'],
  ['640205', '惠农区', 'Huinong'],
  ['640221', '平罗县', 'Pingluo'],
  ['640300', '吴忠市', 'Wuzhong'],
  ['640302', '利通区', 'Litong'],
  ['640303', '红寺堡区', 'Hongsibu'],
  ['640323', '盐池县', 'Yanchi'],
  ['640324', '同心县', 'Tongxin'],
  ['640381', '青铜峡市', 'Qingtongxia'],
  ['640400', '固原市', 'Guyuan'],
  ['640402', '原州区', 'Yuanzhou'],
  ['640422', '西吉县', 'Xiji'],
  ['640423', '隆德县', 'Longde'],
  ['640424', '泾源县', 'Jingyuan'],
  ['640425', '彭阳县', 'Pengyang'],
  ['640500', '中卫市', 'Zhongwei'],
  ['640502', '沙坡头区', 'Shapotou'],
  ['640521', '中宁县', 'Zhongning'],
  ['640522', '海原县', 'Haiyuan'],
  ['350100', '福州市', 'Fuzhou'],
  ['350200', '厦门市', 'Xiamen'],
  ['350500', '泉州市', 'Quanzhou'],
  ['350300', '莆田市', 'Putian'],
  ['350600', '漳州市', 'Zhangzhou'],
  ['350400', '三明市', 'Sanming'],
  ['350700', '南平市', 'Nanping'],
  ['350800', '龙岩市', 'Longyan'],
  ['350900', '宁德市', 'Ningde'],
] as const;

export const expertSheetExample = defineTable({
  sheet: { zh: '专家', en: 'Experts' },
  title: { zh: '专家库', en: 'Expert library' },
  columns: [
    {
      key: 'name',
      header: { zh: '姓名', en: 'Name' },
      type: 'text',
      required: true,
      maxLength: 50,
      notes: { zh: '专家本人姓名', en: "The expert's full name" },
      example: '王磊',
    },
    {
      key: 'gender',
      header: { zh: '性别', en: 'Gender' },
      type: 'enum',
      options: [
        { value: 'male', label: { zh: '男', en: 'Male' } },
        { value: 'female', label: { zh: '女', en: 'Female' } },
      ],
      notes: { zh: '从下拉列表中选择', en: 'Pick from the list' },
      example: '男',
    },
    {
      key: 'organization',
      header: { zh: '工作单位', en: 'Organization' },
      type: 'text',
      required: true,
      maxLength: 100,
      aliases: ['单位', '所在单位'],
      notes: { zh: '单位全称，如“宁夏大学”，不写简称', en: 'The full name, e.g. 宁夏大学, not an abbreviation' },
      example: '宁夏大学',
    },
    {
      key: 'title',
      header: { zh: '职称', en: 'Title' },
      type: 'enum',
      options: titles,
      notes: { zh: '专业技术职称，从下拉列表中选择', en: 'Professional title, from the list' },
      example: '教授',
    },
    {
      key: 'disciplines',
      header: { zh: '学科', en: 'Disciplines' },
      type: 'list',
      maxItems: 5,
      maxLength: 50,
      notes: { zh: '一级或二级学科名称，可填多个', en: 'Discipline names; several allowed' },
      example: '食品科学与工程、园艺学',
    },
    {
      key: 'fields',
      header: { zh: '研究方向', en: 'Research fields' },
      type: 'list',
      maxItems: 10,
      maxLength: 50,
      notes: { zh: '具体研究方向，可填多个', en: 'Specific research fields; several allowed' },
      example: '枸杞干燥、果蔬保鲜',
    },
    {
      key: 'region',
      header: { zh: '所在地区', en: 'Region' },
      type: 'enum',
      options: regions.map(([value, zh, en]) => ({ value, label: { zh, en } })),
      notes: { zh: '单位所在的市或区县', en: 'City or county of the organization' },
      example: '西夏区',
    },
    {
      key: 'mobile',
      header: { zh: '手机', en: 'Mobile' },
      type: 'phone',
      aliases: ['手机号', '联系电话', '电话'],
      notes: { zh: '11 位手机号码；手机与邮箱至少填一项', en: '11-digit mobile number; give a mobile or an email' },
      example: '13800000000',
    },
    {
      key: 'email',
      header: { zh: '邮箱', en: 'Email' },
      type: 'email',
      aliases: ['电子邮箱', 'e-mail'],
      notes: { zh: '常用电子邮箱', en: 'Email address in use' },
      example: 'wanglei@nxu.edu.cn',
    },
    {
      key: 'born',
      header: { zh: '出生日期', en: 'Date of birth' },
      type: 'date',
      notes: { zh: '如 1975-06-01', en: 'e.g. 1975-06-01' },
      example: '1975-06-01',
    },
    {
      key: 'academician',
      header: { zh: '是否院士', en: 'Academician' },
      type: 'boolean',
      notes: { zh: '两院院士填“是”', en: 'Yes for members of CAS or CAE' },
      example: '否',
    },
    {
      key: 'projects',
      header: { zh: '主持项目数', en: 'Projects led' },
      type: 'integer',
      min: 0,
      max: 500,
      notes: { zh: '近五年主持的科研项目数', en: 'Research projects led in the last five years' },
      example: '3',
    },
    {
      key: 'bio',
      header: { zh: '简介', en: 'Biography' },
      type: 'longtext',
      maxLength: 2000,
      notes: { zh: '学习工作经历、主要成果，2000 字以内', en: 'Career and main results, at most 2,000 characters' },
      example: '长期从事枸杞精深加工研究，主持国家自然科学基金项目 3 项。',
    },
  ],
  unique: [['name', 'organization']],
  rowChecks: [
    {
      notes: { zh: '手机和邮箱至少填一项', en: 'Give a mobile or an email' },
      check: (v) =>
        v.mobile === undefined && v.email === undefined
          ? { key: 'mobile', message: { zh: '手机和邮箱至少填一项', en: 'Give a mobile or an email' } }
          : undefined,
    },
  ],
});

export type ExpertSheetRow = RowValues<typeof expertSheetExample>;
