#include <orgaudit/sample/names.hpp>

#include <array>
#include <span>
#include <string_view>
#include <unordered_set>

namespace orgaudit::sample {

namespace {

using Words = std::span<const std::string_view>;

// Industries of 行业协会 (电梯 is left out: 湖州市电梯行业协会 is a named unit).
constexpr std::string_view industries[] = {
    "物流",     "建筑业",   "房地产",   "纺织",     "丝绸",     "童装",     "木业",     "家具",
    "竹产业",   "白茶",     "茶叶",     "湖羊",     "水产",     "渔业",     "蚕桑",     "蔬菜",
    "花卉",     "苗木",     "旅游",     "民宿",     "餐饮",     "烹饪",     "酒店",     "汽车",
    "汽车维修", "新能源",   "光伏",     "锂电池",   "蓄电池",   "机械",     "装备制造", "模具",
    "金属材料", "铝业",     "钢琴",     "服装",     "印染",     "化纤",     "塑料",     "包装",
    "印刷",     "广告",     "软件",     "电子商务", "互联网",   "信息技术", "人工智能", "地理信息",
    "物业管理", "家政服务", "养老服务", "医药",     "医疗器械", "保险",     "银行业",   "小额贷款",
    "担保",     "会计",     "律师",     "税务师",   "资产评估", "建材",     "水泥",     "绿色建筑",
    "石材",     "陶瓷",     "粮食",     "食品",     "酿酒",     "黄酒",     "农家乐",   "电力",
    "燃气",     "安全生产", "消防",     "环保",     "节能",     "再生资源", "货运",     "客运",
    "出租汽车", "驾驶培训", "美容美发", "摄影器材", "文化创意", "工艺美术", "湖笔",     "乐器"};

// Home towns of 异地商会 (重庆 is left out: 湖州市重庆商会 is a named unit).
constexpr std::string_view home_towns[] = {
    "温州", "台州", "宁波", "绍兴", "金华", "义乌", "丽水", "衢州", "福建", "安徽",
    "江西", "河南", "湖南", "湖北", "四川", "贵州", "云南", "江苏", "上海", "山东",
    "广东", "泉州", "莆田", "晋江", "苍南", "永康", "东阳", "诸暨", "上虞", "黄岩"};

// Learned societies and hobby or community 社团.
constexpr std::string_view societies[] = {"摄影家协会",         "书法家协会",     "美术家协会",
                                          "作家协会",           "音乐家协会",     "舞蹈家协会",
                                          "戏剧家协会",         "曲艺家协会",     "收藏家协会",
                                          "集邮协会",           "围棋协会",       "象棋协会",
                                          "篮球协会",           "足球协会",       "乒乓球协会",
                                          "羽毛球协会",         "网球协会",       "游泳协会",
                                          "登山协会",           "自行车运动协会", "太极拳协会",
                                          "老年体育协会",       "钓鱼协会",       "风筝协会",
                                          "志愿者协会",         "义工联合会",     "慈善总会",
                                          "红十字志愿服务协会", "科普协会",       "心理学会",
                                          "护理学会",           "医学会",         "药学会",
                                          "中医药学会",         "教育学会",       "历史学会",
                                          "地方志学会",         "茶文化研究会",   "湖笔文化研究会",
                                          "丝绸文化研究会",     "地方文化研究会", "家庭教育研究会",
                                          "老年学学会",         "社会工作协会",   "残疾人康复协会",
                                          "青年创业促进会",     "企业家联合会",   "个体劳动者协会",
                                          "消费者权益保护协会", "计算机学会"};

// Member groups and pastimes of hobby 社团 ("老年书法协会").
constexpr std::string_view member_groups[] = {
    "老年",     "青年",       "妇女",   "职工",     "少儿", "农民", "退役军人",   "教师",
    "医师",     "大学生",     "新居民", "残疾人",   "机关", "企业", "科技工作者", "归侨侨眷",
    "知识分子", "个体工商户", "快递员", "外卖骑手", "银发", "亲子"};
constexpr std::string_view pastimes[] = {"书法协会", "摄影协会", "体育协会", "志愿服务协会",
                                         "读书会",   "合唱协会", "文学协会", "舞蹈协会",
                                         "健身协会", "棋牌协会", "科技协会", "互助会",
                                         "联谊会",   "艺术团",   "登山协会", "骑行协会"};

// Subjects of 研究会 ("生态文明研究会").
constexpr std::string_view research_topics[] = {
    "生态文明", "乡村振兴", "两山理念", "党史",           "陆羽茶文化", "湖学",     "书画艺术",
    "法学",     "经济学",   "社会学",   "统计学",         "城市规划",   "水利",     "农学",
    "林学",     "蚕桑文化", "太湖文化", "运河文化",       "民俗文化",   "诗词",     "楹联",
    "红色文化", "廉政文化", "老区建设", "关心下一代工作", "家风文化",   "非遗保护", "古镇保护",
    "教育科学", "职业教育", "基层治理", "社区营造",       "数字经济",   "绿色金融", "湖商文化",
    "丝绸之府", "鱼米之乡", "竹文化",   "养生文化",       "孝文化"};

// Brand words of 民非 and foundations: none names a county or a town, so that a
// name never places an organization outside its own county.
constexpr std::string_view brands[] = {
    "春晖", "阳光", "康宁", "仁爱", "同心", "和美", "善行",   "乐龄", "安康", "明德",
    "启航", "向阳", "益家", "暖心", "红枫", "竹韵", "太湖",   "苕溪", "莫干", "溪畔",
    "青禾", "知行", "博雅", "德润", "惠民", "福寿", "颐和",   "晨曦", "朝阳", "星火",
    "绿源", "碧浪", "清源", "和睦", "睦邻", "邻里", "心连心", "爱心", "微光", "星辰",
    "天使", "蓝天", "彩虹", "悦心", "乐群", "众益", "汇善",   "聚贤", "弘毅", "尚德",
    "正心", "静远", "慧心", "长乐", "永康", "万福", "瑞祥",   "嘉禾", "丰乐", "田园",
    "和乐", "菰城", "安宁", "同行", "恒善", "致远", "仙山",   "白云", "青山", "安澜"};

constexpr std::string_view agency_fields[] = {
    "养老服务中心", "居家养老服务中心", "社会工作服务中心", "社会工作服务社",   "青少年服务中心",
    "儿童发展中心", "残疾人托养中心",   "康复中心",         "心理咨询服务中心", "家庭教育指导中心",
    "文化发展中心", "体育俱乐部",       "培训学校",         "职业技能培训学校", "艺术培训学校",
    "幼儿园",       "托育中心",         "社区服务中心",     "公益服务中心",     "志愿服务中心",
    "调解服务中心", "法律服务中心",     "环保服务中心",     "社会组织服务中心", "医院",
    "门诊部",       "护理院",           "敬老院",           "研究院",           "乡村振兴发展中心"};

constexpr std::string_view foundation_kinds[] = {"慈善基金会", "公益基金会", "教育基金会",
                                                 "助学基金会", "扶贫基金会", "医疗救助基金会"};

// Towns and streets (乡镇、街道) of each county for community and town-level
// organizations (domain.md §8.2a).
constexpr std::string_view wuxing_towns[] = {"织里镇",   "八里店镇", "妙西镇",   "埭溪镇",
                                             "东林镇",   "道场乡",   "月河街道", "飞英街道",
                                             "爱山街道", "朝阳街道", "龙泉街道", "康山街道"};
constexpr std::string_view nanxun_towns[] = {"南浔镇", "双林镇", "练市镇", "善琏镇",   "菱湖镇",
                                             "和孚镇", "千金镇", "石淙镇", "旧馆街道", "东迁街道"};
constexpr std::string_view deqing_towns[] = {
    "乾元镇",   "新市镇",   "洛舍镇",   "钟管镇",   "禹越镇",     "新安镇",  "雷甸镇",
    "莫干山镇", "武康街道", "舞阳街道", "阜溪街道", "下渚湖街道", "康乾街道"};
constexpr std::string_view changxing_towns[] = {
    "洪桥镇", "李家巷镇", "夹浦镇", "煤山镇",   "和平镇",   "虹星桥镇", "林城镇",  "泗安镇",
    "小浦镇", "吕山乡",   "水口乡", "雉城街道", "画溪街道", "太湖街道", "龙山街道"};
constexpr std::string_view anji_towns[] = {
    "孝丰镇", "梅溪镇", "天子湖镇", "鄣吴镇",   "杭垓镇",   "报福镇",   "章村镇",  "天荒坪镇",
    "溪龙乡", "上墅乡", "山川乡",   "递铺街道", "昌硕街道", "灵峰街道", "孝源街道"};

constexpr std::string_view project_targets[] = {
    "乐龄助餐",       "困境儿童关爱",   "留守儿童陪伴", "独居老人探访", "残疾人就业帮扶",
    "青少年心理护航", "社区微更新",     "邻里互助",     "垃圾分类宣传", "河湖巡护",
    "乡村图书角",     "家庭教育赋能",   "新市民融入",   "失智老人照护", "妇女创业赋能",
    "反诈宣传",       "防溺水安全教育", "红色文化传承", "非遗传承",     "助残康复"};

constexpr std::string_view project_kinds[] = {"服务项目", "计划", "行动", "工程", "项目"};

std::string_view word(Random& random, Words words)
{
  return words[random.below(words.size())];
}

} // namespace

std::span<const std::string_view> towns_of(Region region)
{
  switch (region) {
  case Region::wuxing:
    return wuxing_towns;
  case Region::nanxun:
    return nanxun_towns;
  case Region::deqing:
    return deqing_towns;
  case Region::changxing:
    return changxing_towns;
  case Region::anji:
    return anji_towns;
  case Region::city:
  case Region::province:
    break;
  }
  return {};
}

std::string make_organization_name(Random& random, const OrgProfile& profile)
{
  std::string name(region_prefix(profile.region));
  // A third of county-level organizations serve one town or street of their
  // county; city-level ones are named 湖州市…, after no town.
  const Words towns = towns_of(profile.region);
  const bool town = !towns.empty() && random.chance(0.35);
  switch (profile.type) {
  case OrgType::social_group:
    if (profile.industry_association) {
      if (random.chance(0.2)) {
        name.append(word(random, home_towns));
        name.append("商会");
      } else {
        name.append(word(random, industries));
        name.append(random.chance(0.7) ? "行业协会" : (random.chance(0.5) ? "协会" : "商会"));
      }
    } else {
      if (town) {
        name.append(word(random, towns));
      }
      static constexpr int pattern_weights[] = {4, 3, 2};
      switch (random.weighted(pattern_weights)) {
      case 0:
        name.append(word(random, societies));
        break;
      case 1:
        name.append(word(random, member_groups));
        name.append(word(random, pastimes));
        break;
      default:
        name.append(word(random, research_topics));
        name.append("研究会");
        break;
      }
    }
    break;
  case OrgType::social_service_agency:
    if (town) {
      name.append(word(random, towns));
    }
    name.append(word(random, brands));
    name.append(word(random, agency_fields));
    break;
  case OrgType::foundation:
    name.append(word(random, brands));
    name.append(word(random, foundation_kinds));
    break;
  }
  return name;
}

std::string make_project_title(Random& random)
{
  std::string title(word(random, brands));
  title.append(word(random, project_targets));
  title.append(word(random, project_kinds));
  return title;
}

void assign_names(SamplePlan& plan)
{
  std::unordered_set<std::string> taken(demonstration_unit_names, demonstration_unit_names + 2);
  taken.reserve(plan.profiles.size() * 2);
  plan.name_offsets.assign(1, 0);
  plan.name_offsets.reserve(plan.profiles.size() + 1);
  std::size_t exhausted = 0;
  for (std::size_t org = 0; org < plan.profiles.size(); ++org) {
    std::string name;
    const int unit = plan.roles[org].demonstration_unit;
    if (unit >= 0) {
      name = demonstration_unit_names[unit];
    } else {
      Random random(stream_seed(plan.seed, org, 2));
      name = make_organization_name(random, plan.profiles[org]);
      const int attempts = exhausted * 100 > org + 1000 ? 0 : 16;
      int attempt = 0;
      for (; attempt < attempts && taken.contains(name); ++attempt) {
        name = make_organization_name(random, plan.profiles[org]);
      }
      exhausted += attempts > 0 && attempt == attempts ? 1 : 0;
      if (attempts > 0) {
        taken.insert(name);
      }
    }
    plan.names_arena.append(name);
    plan.name_offsets.push_back(static_cast<std::uint32_t>(plan.names_arena.size()));
  }
}

} // namespace orgaudit::sample
