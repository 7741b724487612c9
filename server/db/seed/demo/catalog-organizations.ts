/**
 * The named organizations of the demo: eastern universities and institutes from Ningxia's
 * partner provinces, Ningxia's own universities and academies, and the public bodies that
 * run the cooperation (科技厅, 科协, city S&T bureaus, parks, societies). Universities and
 * academies are public institutions and appear under their real names; their codes, staff
 * and contacts in the demo are invented. Enterprises are generated, never real.
 */
import type { OrganizationKind } from './demo.types.js';

export interface AcademicOrganization {
  name: string;
  kind: 'university' | 'institute';
  /** City code (eastern) or county code (Ningxia). */
  regionCode: string;
  /** Mail domain used for its staff in the demo. */
  domain: string;
  /** Key industries it is strong in, most important first. */
  strengths: string[];
  /** What it is known for, for the description. */
  profile: string;
}

export const EASTERN_ACADEMIC: AcademicOrganization[] = [
  { name: '中国农业大学', kind: 'university', regionCode: '1101', domain: 'cau.edu.cn', strengths: ['T03', 'T04', 'T05', 'T01', 'T06', 'T02'], profile: '农学、畜牧学、兽医学、农业工程和食品科学与工程' },
  { name: '北京化工大学', kind: 'university', regionCode: '1101', domain: 'buct.edu.cn', strengths: ['N05', 'N01', 'N06'], profile: '化学工程与技术、材料科学与工程' },
  { name: '北京科技大学', kind: 'university', regionCode: '1101', domain: 'ustb.edu.cn', strengths: ['N01', 'N03'], profile: '冶金工程、材料科学与工程、机械工程' },
  { name: '华北电力大学', kind: 'university', regionCode: '1101', domain: 'ncepu.edu.cn', strengths: ['N02'], profile: '电气工程、动力工程及工程热物理' },
  { name: '北京工商大学', kind: 'university', regionCode: '1101', domain: 'btbu.edu.cn', strengths: ['T02', 'T03', 'Y05'], profile: '食品科学与工程、轻工技术与工程' },
  { name: '清华大学', kind: 'university', regionCode: '1101', domain: 'tsinghua.edu.cn', strengths: ['N02', 'N04', 'N03'], profile: '电气工程、计算机科学与技术、动力工程' },
  { name: '天津大学', kind: 'university', regionCode: '1201', domain: 'tju.edu.cn', strengths: ['N05', 'N02', 'N03'], profile: '化学工程与技术、动力工程、机械工程' },
  { name: '天津科技大学', kind: 'university', regionCode: '1201', domain: 'tust.edu.cn', strengths: ['T01', 'T02', 'T03', 'N06'], profile: '轻工技术与工程、食品科学与工程、发酵工程' },
  { name: '上海交通大学', kind: 'university', regionCode: '3101', domain: 'sjtu.edu.cn', strengths: ['N02', 'N03', 'N04', 'Y04'], profile: '机械工程、电气工程、计算机科学与技术、临床医学' },
  { name: '华东理工大学', kind: 'university', regionCode: '3101', domain: 'ecust.edu.cn', strengths: ['N05', 'N01'], profile: '化学工程与技术、材料科学与工程' },
  { name: '东华大学', kind: 'university', regionCode: '3101', domain: 'dhu.edu.cn', strengths: ['N06'], profile: '纺织科学与工程、材料科学与工程' },
  { name: '同济大学', kind: 'university', regionCode: '3101', domain: 'tongji.edu.cn', strengths: ['Y02', 'N04', 'Y06', 'Y01'], profile: '交通运输工程、管理科学与工程、城乡规划' },
  { name: '南京农业大学', kind: 'university', regionCode: '3201', domain: 'njau.edu.cn', strengths: ['T06', 'T04', 'T05', 'T02', 'T03'], profile: '园艺学、植物保护、畜牧学、食品科学与工程' },
  { name: '东南大学', kind: 'university', regionCode: '3201', domain: 'seu.edu.cn', strengths: ['N02', 'N04', 'N03'], profile: '电气工程、动力工程、信息与通信工程' },
  { name: '南京工业大学', kind: 'university', regionCode: '3201', domain: 'njtech.edu.cn', strengths: ['N05', 'N01'], profile: '化学工程与技术、材料科学与工程、生物工程' },
  { name: '河海大学', kind: 'university', regionCode: '3201', domain: 'hhu.edu.cn', strengths: ['N02'], profile: '水利工程、电气工程、新能源' },
  { name: '江南大学', kind: 'university', regionCode: '3202', domain: 'jiangnan.edu.cn', strengths: ['T02', 'T03', 'T01', 'N06'], profile: '食品科学与工程、轻工技术与工程、发酵工程' },
  { name: '中国矿业大学', kind: 'university', regionCode: '3203', domain: 'cumt.edu.cn', strengths: ['N03', 'N05', 'N02'], profile: '矿业工程、安全科学与工程、机械工程' },
  { name: '苏州大学', kind: 'university', regionCode: '3205', domain: 'suda.edu.cn', strengths: ['N06', 'N01', 'Y04'], profile: '纺织科学与工程、材料科学与工程、护理学' },
  { name: '扬州大学', kind: 'university', regionCode: '3210', domain: 'yzu.edu.cn', strengths: ['T04', 'T05', 'T03', 'T06'], profile: '畜牧学、兽医学、作物学、园艺学' },
  { name: '江苏大学', kind: 'university', regionCode: '3211', domain: 'ujs.edu.cn', strengths: ['N03', 'T06', 'T02'], profile: '农业工程、机械工程、食品科学与工程' },
  { name: '浙江大学', kind: 'university', regionCode: '3301', domain: 'zju.edu.cn', strengths: ['N04', 'N02', 'T06', 'T02', 'N03', 'Y05'], profile: '计算机科学与技术、电气工程、园艺学、农业工程' },
  { name: '浙江理工大学', kind: 'university', regionCode: '3301', domain: 'zstu.edu.cn', strengths: ['N06'], profile: '纺织科学与工程、服装设计' },
  { name: '浙江工商大学', kind: 'university', regionCode: '3301', domain: 'zjgsu.edu.cn', strengths: ['T03', 'Y05', 'Y01', 'T04', 'Y03'], profile: '食品科学与工程、工商管理、旅游管理' },
  { name: '福州大学', kind: 'university', regionCode: '3501', domain: 'fzu.edu.cn', strengths: ['N05', 'N01', 'N04', 'N03'], profile: '化学工程与技术、材料科学与工程、计算机科学与技术' },
  { name: '福建农林大学', kind: 'university', regionCode: '3501', domain: 'fafu.edu.cn', strengths: ['T02', 'T06', 'T01', 'T04'], profile: '作物学、植物保护、园艺学、食品科学与工程' },
  { name: '厦门大学', kind: 'university', regionCode: '3502', domain: 'xmu.edu.cn', strengths: ['N01', 'N02', 'Y03', 'Y01'], profile: '化学、能源、经济学、管理学' },
  { name: '山东大学', kind: 'university', regionCode: '3701', domain: 'sdu.edu.cn', strengths: ['N03', 'N02', 'Y04', 'N04'], profile: '机械工程、电气工程、临床医学、材料科学与工程' },
  { name: '中国海洋大学', kind: 'university', regionCode: '3702', domain: 'ouc.edu.cn', strengths: ['T02', 'N05'], profile: '食品科学与工程、化学、环境科学与工程' },
  { name: '青岛科技大学', kind: 'university', regionCode: '3702', domain: 'qust.edu.cn', strengths: ['N05', 'N01'], profile: '化学工程与技术、高分子材料' },
  { name: '青岛农业大学', kind: 'university', regionCode: '3702', domain: 'qau.edu.cn', strengths: ['T06', 'T05', 'T04'], profile: '园艺学、动物科学、植物保护' },
  { name: '山东农业大学', kind: 'university', regionCode: '3709', domain: 'sdau.edu.cn', strengths: ['T06', 'T01', 'T04'], profile: '园艺学、作物学、农业资源与环境' },
  { name: '华南理工大学', kind: 'university', regionCode: '4401', domain: 'scut.edu.cn', strengths: ['N01', 'N05', 'T02', 'N04'], profile: '材料科学与工程、轻工技术与工程、食品科学与工程' },
  { name: '华南农业大学', kind: 'university', regionCode: '4401', domain: 'scau.edu.cn', strengths: ['T06', 'T04', 'T03'], profile: '园艺学、兽医学、农业工程' },
  { name: '南方科技大学', kind: 'university', regionCode: '4403', domain: 'sustech.edu.cn', strengths: ['N01', 'N02', 'N04'], profile: '材料科学与工程、新能源、计算机科学与技术' },
  { name: '中国农业科学院农产品加工研究所', kind: 'institute', regionCode: '1101', domain: 'caas.cn', strengths: ['T02', 'T03', 'T04', 'T05', 'T06'], profile: '农产品加工、食品营养与质量安全' },
  { name: '中国科学院过程工程研究所', kind: 'institute', regionCode: '1101', domain: 'ipe.ac.cn', strengths: ['N05', 'N01'], profile: '化工过程、资源综合利用、绿色冶金' },
  { name: '中国科学院宁波材料技术与工程研究所', kind: 'institute', regionCode: '3302', domain: 'nimte.ac.cn', strengths: ['N01', 'N03'], profile: '先进材料、新能源材料、智能制造' },
  { name: '中国科学院福建物质结构研究所', kind: 'institute', regionCode: '3501', domain: 'fjirsm.ac.cn', strengths: ['N01', 'N05'], profile: '结构化学、功能晶体材料、催化' },
  { name: '中国科学院青岛生物能源与过程研究所', kind: 'institute', regionCode: '3702', domain: 'qibebt.ac.cn', strengths: ['N02', 'N05'], profile: '生物能源、储能材料、过程工程' },
  { name: '江苏省农业科学院', kind: 'institute', regionCode: '3201', domain: 'jaas.ac.cn', strengths: ['T06', 'T02', 'T01'], profile: '蔬菜、农产品加工、植物保护' },
  { name: '浙江省农业科学院', kind: 'institute', regionCode: '3301', domain: 'zaas.ac.cn', strengths: ['T06', 'T03'], profile: '蔬菜、畜牧兽医、农产品质量安全' },
  { name: '福建省农业科学院', kind: 'institute', regionCode: '3501', domain: 'faas.cn', strengths: ['T06', 'T02'], profile: '作物、蔬菜、农业生物资源' },
  { name: '山东省农业科学院', kind: 'institute', regionCode: '3701', domain: 'saas.ac.cn', strengths: ['T06', 'T04', 'T05'], profile: '蔬菜、畜牧、农产品加工' },
  { name: '广东省科学院', kind: 'institute', regionCode: '4401', domain: 'gdas.gd.cn', strengths: ['N03', 'N04', 'Y02'], profile: '智能制造、新材料、电子信息' },
];

export const NINGXIA_ACADEMIC: AcademicOrganization[] = [
  { name: '宁夏大学', kind: 'university', regionCode: '640105', domain: 'nxu.edu.cn', strengths: ['T01', 'T02', 'T05', 'T06', 'N05', 'N01', 'N04', 'Y01'], profile: '化学工程与技术、草学、园艺学、葡萄与葡萄酒工程' },
  { name: '北方民族大学', kind: 'university', regionCode: '640105', domain: 'nmu.edu.cn', strengths: ['N05', 'N01', 'N04', 'N03'], profile: '材料科学与工程、化学工程与技术、计算机科学与技术' },
  { name: '宁夏医科大学', kind: 'university', regionCode: '640104', domain: 'nxmu.edu.cn', strengths: ['Y04', 'T02'], profile: '临床医学、药学、中药学' },
  { name: '宁夏师范大学', kind: 'university', regionCode: '640402', domain: 'nxnu.edu.cn', strengths: ['T04', 'T06', 'Y01'], profile: '生物学、地理学、旅游管理' },
  { name: '宁夏农林科学院', kind: 'institute', regionCode: '640104', domain: 'nxaas.cn', strengths: ['T02', 'T06', 'T01', 'T03', 'T04', 'T05'], profile: '枸杞、葡萄、园艺、动物科学、植物保护' },
];

export interface PublicOrganization {
  name: string;
  kind: Extract<OrganizationKind, 'society' | 'agency' | 'park' | 'hospital'>;
  regionCode: string;
  domain: string;
  description: string;
}

export const PUBLIC_BODIES: PublicOrganization[] = [
  { name: '宁夏回族自治区科学技术厅', kind: 'agency', regionCode: '64', domain: 'kjt.nx.gov.cn', description: '自治区科技主管部门，负责东西部科技合作引领区建设的统筹推进、科技成果转化和技术市场管理。' },
  { name: '宁夏回族自治区科学技术协会', kind: 'society', regionCode: '64', domain: 'nxkx.org.cn', description: '全区科技工作者的群众组织，组织“院士专家宁夏行”、科创中国等活动，搭建企业与学会、专家对接平台。' },
  { name: '银川市科学技术局', kind: 'agency', regionCode: '6401', domain: 'kjj.yinchuan.gov.cn', description: '银川市科技主管部门，组织企业技术需求征集、专家智库建设和科技项目管理。' },
  { name: '石嘴山市科学技术局', kind: 'agency', regionCode: '6402', domain: 'kjj.shizuishan.gov.cn', description: '石嘴山市科技主管部门，服务新材料和装备制造产业的技术创新。' },
  { name: '吴忠市科学技术局', kind: 'agency', regionCode: '6403', domain: 'kjj.wuzhong.gov.cn', description: '吴忠市科技主管部门，服务奶产业、滩羊和葡萄酒等特色产业科技需求。' },
  { name: '固原市科学技术局', kind: 'agency', regionCode: '6404', domain: 'kjj.guyuan.gov.cn', description: '固原市科技主管部门，服务肉牛和冷凉蔬菜产业科技需求。' },
  { name: '中卫市科学技术局', kind: 'agency', regionCode: '6405', domain: 'kjj.zhongwei.gov.cn', description: '中卫市科技主管部门，服务枸杞、数据中心和清洁能源产业科技需求。' },
  { name: '银川市科学技术协会', kind: 'society', regionCode: '6401', domain: 'ycast.org.cn', description: '银川市科技工作者组织，承担“科创中国”创新枢纽城市建设，维护银川市专家智库。' },
  { name: '宁夏农学会', kind: 'society', regionCode: '64', domain: 'nxnxh.org.cn', description: '全区农业科技工作者学术团体，组织农业专家开展科技服务和技术培训。' },
  { name: '宁夏食品科学技术学会', kind: 'society', regionCode: '64', domain: 'nxifst.org.cn', description: '全区食品科技工作者学术团体，发布食品产业关键技术需求清单，组织百名专家库。' },
  { name: '宁夏化工学会', kind: 'society', regionCode: '64', domain: 'nxciesc.org.cn', description: '全区化工科技工作者学术团体，服务宁东能源化工基地企业技术攻关。' },
  { name: '宁东能源化工基地管理委员会', kind: 'park', regionCode: '640181', domain: 'nd.nx.gov.cn', description: '国家级能源化工基地管理机构，推动煤化工、新材料和绿氢产业集聚发展。' },
  { name: '银川经济技术开发区管理委员会', kind: 'park', regionCode: '640105', domain: 'ycda.yinchuan.gov.cn', description: '国家级经济技术开发区管理机构，聚集装备制造、新材料和电子信息企业。' },
  { name: '闽宁产业园管理委员会', kind: 'park', regionCode: '640121', domain: 'mnpark.gov.cn', description: '闽宁协作共建产业园区管理机构，承接东部产业转移和科技成果转化。' },
  { name: '宁夏医科大学总医院', kind: 'hospital', regionCode: '640104', domain: 'nyfy.com.cn', description: '区内综合性三级甲等医院，开展医养结合、慢病管理和远程医疗合作。' },
];
