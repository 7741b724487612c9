/**
 * Names and phrases for people and enterprises in the demo. Surnames carry rough weights
 * from their frequency so the mix looks like a real roster (many 王 and 李, a few 马 — common
 * in Ningxia); pinyin is kept beside each character to build plausible e-mail addresses.
 */

/** [surname, pinyin, weight] */
export const SURNAMES: [string, string, number][] = [
  ['王', 'wang', 72], ['李', 'li', 70], ['张', 'zhang', 66], ['刘', 'liu', 52], ['陈', 'chen', 46], ['杨', 'yang', 32],
  ['赵', 'zhao', 20], ['黄', 'huang', 22], ['周', 'zhou', 20], ['吴', 'wu', 20], ['徐', 'xu', 16], ['孙', 'sun', 15],
  ['胡', 'hu', 13], ['朱', 'zhu', 12], ['高', 'gao', 12], ['林', 'lin', 11], ['何', 'he', 11], ['郭', 'guo', 11],
  ['马', 'ma', 16], ['罗', 'luo', 9], ['梁', 'liang', 8], ['宋', 'song', 7], ['郑', 'zheng', 7], ['谢', 'xie', 6],
  ['韩', 'han', 6], ['唐', 'tang', 6], ['冯', 'feng', 6], ['于', 'yu', 6], ['董', 'dong', 5], ['萧', 'xiao', 2],
  ['程', 'cheng', 5], ['曹', 'cao', 5], ['袁', 'yuan', 5], ['邓', 'deng', 5], ['许', 'xu', 5], ['傅', 'fu', 4],
  ['沈', 'shen', 4], ['曾', 'zeng', 4], ['彭', 'peng', 4], ['吕', 'lv', 4], ['苏', 'su', 4], ['卢', 'lu', 4],
  ['蒋', 'jiang', 4], ['蔡', 'cai', 4], ['贾', 'jia', 3], ['丁', 'ding', 3], ['魏', 'wei', 3], ['薛', 'xue', 3],
  ['叶', 'ye', 3], ['阎', 'yan', 3], ['余', 'yu', 3], ['潘', 'pan', 3], ['杜', 'du', 3], ['戴', 'dai', 3],
  ['夏', 'xia', 3], ['钟', 'zhong', 3], ['汪', 'wang', 3], ['田', 'tian', 3], ['任', 'ren', 3], ['姜', 'jiang', 3],
  ['范', 'fan', 3], ['方', 'fang', 3], ['石', 'shi', 3], ['姚', 'yao', 3], ['谭', 'tan', 2], ['廖', 'liao', 2],
  ['邹', 'zou', 2], ['熊', 'xiong', 2], ['金', 'jin', 2], ['陆', 'lu', 2], ['郝', 'hao', 2], ['孔', 'kong', 2],
  ['白', 'bai', 2], ['崔', 'cui', 2], ['康', 'kang', 2], ['毛', 'mao', 2], ['邱', 'qiu', 2], ['秦', 'qin', 2],
  ['江', 'jiang', 2], ['史', 'shi', 2], ['顾', 'gu', 2], ['侯', 'hou', 2], ['邵', 'shao', 2], ['孟', 'meng', 2],
  ['龙', 'long', 2], ['万', 'wan', 2], ['段', 'duan', 2], ['雷', 'lei', 2], ['钱', 'qian', 2], ['汤', 'tang', 2],
  ['尹', 'yin', 2], ['黎', 'li', 2], ['易', 'yi', 2], ['常', 'chang', 2], ['武', 'wu', 2], ['乔', 'qiao', 2],
  ['贺', 'he', 2], ['赖', 'lai', 2], ['龚', 'gong', 2], ['文', 'wen', 2], ['纳', 'na', 1], ['海', 'hai', 1],
  ['拓', 'tuo', 1], ['虎', 'hu', 1], ['穆', 'mu', 1],
];

/** Given-name characters, [character, pinyin], split by the gender they mostly suggest. */
export const GIVEN_MALE: [string, string][] = [
  ['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['勇', 'yong'], ['杰', 'jie'], ['涛', 'tao'], ['斌', 'bin'],
  ['超', 'chao'], ['明', 'ming'], ['刚', 'gang'], ['平', 'ping'], ['辉', 'hui'], ['鹏', 'peng'], ['华', 'hua'], ['飞', 'fei'],
  ['鑫', 'xin'], ['波', 'bo'], ['宁', 'ning'], ['建', 'jian'], ['国', 'guo'], ['志', 'zhi'], ['文', 'wen'], ['海', 'hai'],
  ['峰', 'feng'], ['亮', 'liang'], ['浩', 'hao'], ['宇', 'yu'], ['俊', 'jun'], ['晨', 'chen'], ['东', 'dong'], ['林', 'lin'],
  ['凯', 'kai'], ['阳', 'yang'], ['学', 'xue'], ['成', 'cheng'], ['春', 'chun'], ['立', 'li'], ['新', 'xin'], ['振', 'zhen'],
  ['德', 'de'], ['清', 'qing'], ['永', 'yong'], ['庆', 'qing'], ['荣', 'rong'], ['光', 'guang'], ['晓', 'xiao'], ['一', 'yi'],
];

export const GIVEN_FEMALE: [string, string][] = [
  ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['艳', 'yan'], ['娟', 'juan'], ['霞', 'xia'],
  ['燕', 'yan'], ['玲', 'ling'], ['婷', 'ting'], ['雪', 'xue'], ['慧', 'hui'], ['琳', 'lin'], ['颖', 'ying'], ['倩', 'qian'],
  ['洁', 'jie'], ['红', 'hong'], ['梅', 'mei'], ['莉', 'li'], ['萍', 'ping'], ['晶', 'jing'], ['瑶', 'yao'], ['璐', 'lu'],
  ['佳', 'jia'], ['欣', 'xin'], ['悦', 'yue'], ['文', 'wen'], ['秀', 'xiu'], ['英', 'ying'], ['华', 'hua'], ['晓', 'xiao'],
  ['春', 'chun'], ['丹', 'dan'], ['宁', 'ning'], ['媛', 'yuan'], ['蕾', 'lei'], ['楠', 'nan'], ['月', 'yue'], ['露', 'lu'],
];

/** Generic brand words for enterprise names, [Chinese, pinyin]. */
export const BRAND_WORDS: [string, string][] = [
  ['瑞丰', 'ruifeng'], ['鑫源', 'xinyuan'], ['金润', 'jinrun'], ['恒达', 'hengda'], ['华泰', 'huatai'], ['宏盛', 'hongsheng'],
  ['天元', 'tianyuan'], ['博远', 'boyuan'], ['嘉禾', 'jiahe'], ['润泽', 'runze'], ['兴隆', 'xinglong'], ['正和', 'zhenghe'],
  ['德泰', 'detai'], ['晟丰', 'shengfeng'], ['合力', 'heli'], ['昊天', 'haotian'], ['泰和', 'taihe'], ['东升', 'dongsheng'],
  ['宏图', 'hongtu'], ['丰源', 'fengyuan'], ['万通', 'wantong'], ['金禾', 'jinhe'], ['和信', 'hexin'], ['同润', 'tongrun'],
  ['沃野', 'woye'], ['绿源', 'lvyuan'], ['康源', 'kangyuan'], ['百川', 'baichuan'], ['恒润', 'hengrun'], ['信诚', 'xincheng'],
  ['安泰', 'antai'], ['天润', 'tianrun'], ['利民', 'limin'], ['顺通', 'shuntong'], ['广源', 'guangyuan'], ['金沙', 'jinsha'],
  ['启元', 'qiyuan'], ['聚能', 'juneng'], ['凯达', 'kaida'], ['禾丰', 'hefeng'], ['裕丰', 'yufeng'], ['益康', 'yikang'],
  ['鼎盛', 'dingsheng'], ['宏源', 'hongyuan'], ['瑞科', 'ruike'], ['智联', 'zhilian'], ['云帆', 'yunfan'], ['朔方', 'shuofang'],
  ['塞上', 'saishang'], ['北辰', 'beichen'], ['西域', 'xiyu'], ['长庆', 'changqing'], ['贺源', 'heyuan'], ['黄河', 'huanghe'],
];

export const UNIVERSITY_TITLES: [string, number][] = [['教授', 5], ['副教授', 3], ['研究员', 1], ['讲师', 0.4]];
export const INSTITUTE_TITLES: [string, number][] = [['研究员', 5], ['副研究员', 3], ['高级工程师', 1], ['助理研究员', 0.4]];
export const LOCAL_TITLES: [string, number][] = [['教授', 3], ['研究员', 2], ['副教授', 2], ['副研究员', 2], ['高级农艺师', 1], ['正高级工程师', 1]];

export const ROLES_SENIOR = ['博士生导师', '学科带头人', '研究所所长', '重点实验室主任', '课题组长', '工程技术研究中心主任'];
export const ROLES_OTHER = ['硕士生导师', '课题组骨干', '青年学术带头人'];

export const HONOURS = [
  '入选国家级青年人才计划',
  '入选省级高层次人才计划',
  '获省部级科技进步奖一等奖{1-2}项',
  '获国家科技进步奖二等奖1项',
  '担任国家重点研发计划项目首席科学家',
  '担任中国农学会相关分会理事',
  '担任行业标准化技术委员会委员',
];

export const NINGXIA_LINKS = [
  '曾多次参加“院士专家宁夏行”活动，在{county}等地开展技术服务和现场指导。',
  '近年来与宁夏{n}家企业建立了长期技术合作关系，联合承担东西部科技合作项目{m}项。',
  '作为“科技支宁”东西部合作专家，在宁夏建立了产学研合作基地。',
  '受聘为银川市专家智库专家，参与宁夏重点产业关键技术需求论证。',
  '牵头在{county}建设专家工作站，带动当地企业技术升级。',
];

export const LOCAL_LINKS = [
  '立足宁夏特色产业，长期在{county}等地开展科研和技术推广工作。',
  '主持宁夏重点研发计划项目{n}项，成果在区内{m}家企业推广应用。',
  '与东部高校团队联合承担东西部科技合作项目，推动成果在宁夏落地转化。',
];

export const MOBILE_PREFIXES = [
  '130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '158', '159',
  '166', '173', '177', '180', '181', '182', '183', '186', '187', '188', '189', '191', '199',
];

export const FREE_MAIL_DOMAINS = ['163.com', '126.com', 'qq.com', 'sina.com'];
