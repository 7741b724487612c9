/**
 * English names for the reference values the API returns in Chinese (key industries, Ningxia's
 * cities and counties, provinces). Anything not listed is shown as the API sends it.
 */
const names: Record<string, string> = {
  // 六新六特六优
  '六新': 'Six New', '六特': 'Six Special', '六优': 'Six Advantaged',
  '新型材料': 'New materials', '清洁能源': 'Clean energy', '装备制造': 'Equipment manufacturing',
  '数字信息': 'Digital information', '现代化工': 'Modern chemicals', '轻工纺织': 'Light industry & textiles',
  '葡萄酒': 'Wine', '枸杞': 'Goji', '牛奶': 'Dairy', '肉牛': 'Beef cattle', '滩羊': 'Tan sheep',
  '冷凉蔬菜': 'Cool-climate vegetables', '文化旅游': 'Culture & tourism', '现代物流': 'Modern logistics',
  '现代金融': 'Modern finance', '健康养老': 'Health & elderly care', '电子商务': 'E-commerce',
  '会展博览': 'Conventions & exhibitions',
  // cooperation and transfer modes
  '技术开发': 'Technology development', '技术转让': 'Technology transfer', '技术许可': 'Technology licensing',
  '技术咨询': 'Technical consulting', '技术服务': 'Technical services', '联合攻关': 'Joint research',
  '人才引进': 'Talent recruitment', '共建平台': 'Joint platform', '转让': 'Transfer', '许可': 'Licence',
  '作价入股': 'Equity contribution', '合作开发': 'Joint development',
  // Ningxia
  '宁夏': 'Ningxia', '银川': 'Yinchuan', '石嘴山': 'Shizuishan', '吴忠': 'Wuzhong', '固原': 'Guyuan', '中卫': 'Zhongwei',
  '兴庆': 'Xingqing', '西夏': 'Xixia', '金凤': 'Jinfeng', '永宁': 'Yongning', '贺兰': 'Helan', '灵武': 'Lingwu',
  '大武口': 'Dawukou', '惠农': 'Huinong', '平罗': 'Pingluo', '利通': 'Litong', '红寺堡': 'Hongsibu', '盐池': 'Yanchi',
  '同心': 'Tongxin', '青铜峡': 'Qingtongxia', '原州': 'Yuanzhou', '西吉': 'Xiji', '隆德': 'Longde', '泾源': 'Jingyuan',
  '彭阳': 'Pengyang', '沙坡头': 'Shapotou', '中宁': 'Zhongning', '海原': 'Haiyuan',
  // partner cities in the east
  '南京': 'Nanjing', '无锡': 'Wuxi', '徐州': 'Xuzhou', '苏州': 'Suzhou', '扬州': 'Yangzhou', '镇江': 'Zhenjiang',
  '杭州': 'Hangzhou', '宁波': 'Ningbo', '福州': 'Fuzhou', '厦门': 'Xiamen', '济南': 'Jinan', '青岛': 'Qingdao',
  '泰安': "Tai'an", '广州': 'Guangzhou', '深圳': 'Shenzhen',
  // provinces
  '北京': 'Beijing', '天津': 'Tianjin', '河北': 'Hebei', '山西': 'Shanxi', '内蒙古': 'Inner Mongolia',
  '辽宁': 'Liaoning', '吉林': 'Jilin', '黑龙江': 'Heilongjiang', '上海': 'Shanghai', '江苏': 'Jiangsu',
  '浙江': 'Zhejiang', '安徽': 'Anhui', '福建': 'Fujian', '江西': 'Jiangxi', '山东': 'Shandong', '河南': 'Henan',
  '湖北': 'Hubei', '湖南': 'Hunan', '广东': 'Guangdong', '广西': 'Guangxi', '海南': 'Hainan', '重庆': 'Chongqing',
  '四川': 'Sichuan', '贵州': 'Guizhou', '云南': 'Yunnan', '西藏': 'Tibet', '陕西': 'Shaanxi', '甘肃': 'Gansu',
  '青海': 'Qinghai', '新疆': 'Xinjiang', '台湾': 'Taiwan', '香港': 'Hong Kong', '澳门': 'Macao',
};

const suffix = /(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市|区|县)$/;

/** The English name of a Chinese reference value, or the value itself when none is known. */
export function englishName(zh: string): string {
  if (names[zh]) return names[zh];
  const short = zh.replace(suffix, '');
  return names[short] ?? zh;
}
