// Word lists for the demo county (a made-up county in the hills of north-west Hunan).
// Place names are composed the way Hunan villages are named (a colour or a creature plus a
// landform: 白鹤坪, 李家湾, 杉木冲); people's names are drawn from common characters.
// No list holds the name of any real person.

/**
 * Surnames with weights roughly proportional to their share of the population (per mille),
 * nudged toward Hunan, where 彭 谭 唐 邓 曾 向 are more common than nationally.
 */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 72], ['张', 67], ['刘', 60], ['陈', 50], ['杨', 31], ['黄', 24], ['赵', 21],
  ['吴', 20], ['周', 22], ['徐', 13], ['孙', 13], ['马', 11], ['朱', 12], ['胡', 17], ['郭', 10],
  ['何', 12], ['高', 9], ['林', 9], ['罗', 14], ['郑', 8], ['梁', 7], ['谢', 9], ['宋', 7],
  ['唐', 12], ['许', 6], ['韩', 5], ['冯', 6], ['邓', 11], ['曹', 5], ['彭', 13], ['曾', 9],
  ['肖', 8], ['田', 7], ['董', 5], ['袁', 5], ['潘', 4], ['于', 3], ['蒋', 6], ['蔡', 4],
  ['余', 5], ['杜', 4], ['叶', 4], ['程', 3], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3],
  ['任', 3], ['沈', 3], ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 2], ['钟', 3], ['谭', 10],
  ['陆', 2], ['汪', 2], ['范', 2], ['金', 2], ['石', 3], ['廖', 3], ['贾', 2], ['夏', 3],
  ['付', 3], ['方', 2], ['白', 2], ['邹', 3], ['孟', 2], ['熊', 3], ['秦', 2], ['邱', 2],
  ['江', 2], ['尹', 2], ['薛', 2], ['段', 2], ['雷', 3], ['侯', 2], ['龙', 3], ['史', 2],
  ['陶', 2], ['黎', 3], ['贺', 3], ['顾', 1], ['毛', 2], ['郝', 1], ['龚', 2], ['邵', 2],
  ['万', 2], ['覃', 2], ['武', 1], ['戴', 2], ['向', 4], ['伍', 2], ['易', 2], ['莫', 1],
];

/**
 * Given-name characters. Fashions change: people born before about 1980 were often named
 * 建国 or 秀英, those born later 浩宇 or 欣怡, so the lists are split by generation.
 */
export const GIVEN_NAME_CHARACTERS = {
  male: {
    older: [
      '建', '国', '军', '华', '明', '平', '志', '勇', '文', '斌', '海', '林', '辉', '刚', '春', '清',
      '德', '成', '宏', '兵', '光', '荣', '新', '松', '云', '生', '洪', '忠', '东', '永', '福', '贵',
      '顺', '发', '才', '树', '茂', '卫', '红', '民', '强', '伟', '良', '山', '金', '桂', '水', '湘',
    ],
    younger: [
      '浩', '宇', '鑫', '磊', '超', '凯', '翔', '旭', '阳', '鹏', '飞', '俊', '杰', '涛', '波', '峰',
      '亮', '龙', '江', '博', '轩', '晨', '睿', '哲', '然', '航', '帆', '毅', '锐', '恒', '彬', '威',
      '伟', '强', '明', '文', '勇', '思', '嘉', '子', '天', '泽', '宁', '远', '志', '湘',
    ],
  },
  female: {
    older: [
      '秀', '英', '华', '丽', '芳', '兰', '萍', '梅', '珍', '莲', '翠', '菊', '春', '月', '桂', '凤',
      '玉', '红', '霞', '琴', '娟', '群', '云', '香', '淑', '素', '爱', '美', '金', '冬', '湘', '平',
    ],
    younger: [
      '敏', '静', '燕', '玲', '艳', '丹', '慧', '琳', '婷', '颖', '雪', '莉', '洁', '晶', '欣', '怡',
      '佳', '倩', '蓉', '媛', '璐', '瑶', '琪', '萱', '梦', '思', '雨', '诗', '悦', '晓', '文', '娜',
    ],
  },
} as const;

export type TownshipKind = 'township' | 'subdistrict';

/**
 * The 28 townships (乡镇) and subdistricts (街道) of the demo county, in roster order.
 * Suffix: 镇 (town), 乡 (township) or 街道 (subdistrict, the urban seat).
 */
export const TOWNSHIP_STEMS: readonly { stem: string; suffix: '镇' | '乡' | '街道' }[] = [
  { stem: '漳江', suffix: '镇' },
  { stem: '陬市', suffix: '镇' },
  { stem: '桃花源', suffix: '镇' },
  { stem: '茶庵铺', suffix: '镇' },
  { stem: '黄石', suffix: '镇' },
  { stem: '盘塘', suffix: '镇' },
  { stem: '龙潭', suffix: '镇' },
  { stem: '沙坪', suffix: '镇' },
  { stem: '杨溪桥', suffix: '镇' },
  { stem: '九溪', suffix: '镇' },
  { stem: '观音寺', suffix: '镇' },
  { stem: '郑家驿', suffix: '镇' },
  { stem: '热水', suffix: '镇' },
  { stem: '凤凰岭', suffix: '镇' },
  { stem: '双河口', suffix: '镇' },
  { stem: '麻溪铺', suffix: '镇' },
  { stem: '金鸡岭', suffix: '镇' },
  { stem: '石门桥', suffix: '镇' },
  { stem: '梅溪', suffix: '镇' },
  { stem: '白鹤', suffix: '镇' },
  { stem: '青林', suffix: '乡' },
  { stem: '杉木溪', suffix: '乡' },
  { stem: '太平', suffix: '乡' },
  { stem: '云峰', suffix: '乡' },
  { stem: '浔阳', suffix: '街道' },
  { stem: '沅南', suffix: '街道' },
  { stem: '文昌', suffix: '街道' },
  { stem: '双溪口', suffix: '街道' },
];

/** Names of urban communities (社区), e.g. 城东社区, 滨江社区. */
export const COMMUNITY_STEMS = [
  '城东', '城西', '城南', '城北', '新华', '建设', '胜利', '和平', '人民', '解放', '滨江', '花园',
  '桃园', '迎宾', '五一', '东风', '光明', '幸福', '金桥', '白马', '沅水', '江南', '紫薇', '锦绣',
  '兴隆', '长春', '青年', '工农', '车站', '码头', '翠竹', '望江', '春光', '振兴', '团结', '友谊',
  '红旗', '向阳', '丰收', '学府', '文化', '公园', '广场', '商贸', '沿河', '北门', '南门', '西街',
  '东街', '中山', '育才', '桃林', '书院', '锦江', '凤鸣', '龙泉', '新民', '前进', '和顺', '安居',
  '富民', '永安', '水府', '拱桥', '河洑', '荷花', '金鹰', '梅园', '观澜', '清风',
] as const;

/** First characters of village names: colours, numbers, directions, sizes. */
export const VILLAGE_FIRSTS = [
  '青', '白', '黄', '红', '金', '银', '石', '铁', '大', '小', '高', '长', '新', '古', '东', '西',
  '南', '北', '上', '下', '中', '双', '三', '五', '九', '万', '千', '太', '仙', '清', '平', '和',
  '兴', '永', '丰', '安', '福', '宝', '乌', '碧',
] as const;

/** Middle characters: creatures, trees, flowers, stones (白鹤坪, 杉木冲, 桃花溪). */
export const VILLAGE_MIDDLES = [
  '龙', '凤', '鹤', '马', '牛', '羊', '鸡', '鱼', '花', '竹', '木', '茶', '桃', '梅', '枫', '杉',
  '松', '柏', '桂', '荷', '莲', '林', '泉', '沙', '霞', '云', '月', '星', '阳', '狮', '虎', '鹿',
] as const;

/** Last characters: the landform the village sits on. */
export const LANDFORMS = [
  '溪', '湾', '坪', '冲', '岭', '山', '桥', '塘', '垭', '洲', '港', '岗', '坡', '峪', '湖', '铺',
  '堰', '坝', '井', '垸', '口', '田', '庙', '河', '潭', '园', '峰', '台', '庄', '岩', '垅', '寺',
] as const;
