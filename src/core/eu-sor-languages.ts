// @NOTE `content_language` accepts the upper-case ISO 639-1 codes of the Transparency Database's
// EuropeanLanguagesService::ALL_LANGUAGES (digital-services-act/transparency-database at 69e80a0,
// app/Services/EuropeanLanguagesService.php): 184 codes, listed here in its order.
const CODES =
  'AB AA AF AK SQ AM AR AN HY AS AV AE AY AZ BM BA EU BE BN BH BI BS BR BG MY CA KM CH CE NY ' +
  'ZH CU CV KW CO CR HR CS DA DV NL DZ EN EO ET EE FO FJ FI FR FF GD GL LG KA DE KI EL KL GN ' +
  'GU HT HA HE HZ HI HO HU IS IO IG ID IA IE IU IK GA IT JA JV KN KR KS KK RW KV KG KO KJ KU ' +
  'KY LO LA LV LB LI LN LT LU MK MG MS ML MT GV MI MR MH RO MN NA NV ND NG NE SE NO NB NN II ' +
  'OC OJ OR OM OS PI PA PS FA PL PT QU RM RN RU SM SG SA SC SR SN SD SI SK SL SO ST NR ES SU ' +
  'SW SS SV TL TY TG TA TT TE TH BO TI TO TS TN TR TK TW UG UK UR UZ VE VI VO WA CY FY WO XH ' +
  'YI YO ZA ZU'

/** The language codes the Transparency Database accepts in `content_language`. */
export const EU_SOR_LANGUAGES: readonly string[] = Object.freeze(CODES.split(' '))
