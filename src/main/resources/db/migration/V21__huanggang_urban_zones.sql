-- 黄冈市行动方案, closing paragraph: 市区部分按市区一体财政体制分别由市级财政、黄州区政府、黄冈高新区管委会
-- (市区各园区管委会)承担. Beside 黄州区 and 黄冈高新区 (V17), the city's other 市区 zones with a 管委会 recommend
-- their projects and share their awards with the city fund. Which zones exist is the city's administrative fact,
-- not policy: an administrator adds or removes a zone (recommending_unit, fund, unit_payer) without a release.
-- The ratios are samples (示例) until the fiscal arrangement's document is entered.
insert into recommending_unit (jurisdiction_code, code, name) values
 ('huanggang', 'lkjjq', '黄冈临空经济区'),
 ('huanggang', 'btx', '黄冈白潭湖片区');

insert into fund (jurisdiction_code, fund_code, fund_name) values
 ('huanggang', 'lkjjq', '黄冈临空经济区工业技改专项资金'),
 ('huanggang', 'btx', '黄冈白潭湖片区工业技改专项资金');

insert into unit_payer (jurisdiction_code, unit_code, fund_code, share, basis, sample) values
 ('huanggang', 'lkjjq', 'huanggang', 0.5, '市区一体财政体制(比例待按财政文件填写)', true),
 ('huanggang', 'lkjjq', 'lkjjq', 0.5, '市区一体财政体制(比例待按财政文件填写)', true),
 ('huanggang', 'btx', 'huanggang', 0.5, '市区一体财政体制(比例待按财政文件填写)', true),
 ('huanggang', 'btx', 'btx', 0.5, '市区一体财政体制(比例待按财政文件填写)', true);
