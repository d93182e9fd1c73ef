// Country name → default currency, as Frappe ships them in frappe/geo/country_info.json
// (names are Frappe's Country doctype names; an empty currency means the file has none).
const COUNTRY_CURRENCY = `Afghanistan|AFN;Albania|ALL;Algeria|DZD;American Samoa|;Andorra|EUR;Angola|KZ;Anguilla|XCD;Antarctica|;
Antigua and Barbuda|XCD;Argentina|ARS;Armenia|AMD;Aruba|AWG;Australia|AUD;Austria|EUR;Azerbaijan|;Bahamas|BSD;Bahrain|BHD;
Bangladesh|BDT;Barbados|BBD;Belarus|;Belgium|EUR;Belize|BZD;Benin|XOF;Bermuda|BMD;Bhutan|BTN;Bolivia, Plurinational State of|BOB;
Bonaire, Sint Eustatius and Saba|;Bosnia and Herzegovina|BAM;Botswana|BWP;Bouvet Island|;Brazil|BRL;British Indian Ocean Territory|;
Brunei Darussalam|BND;Bulgaria|BGN;Burkina Faso|XOF;Burundi|BIF;Cambodia|KHR;Cameroon|XAF;Canada|CAD;Cape Verde|CVE;Cayman Islands|KYD;
Central African Republic|XAF;Chad|XAF;Chile|CLP;China|CNY;Christmas Island|;Cocos (Keeling) Islands|;Colombia|COP;Comoros|KMF;Congo|XAF;
Congo, The Democratic Republic of the|CDF;Cook Islands|;Costa Rica|CRC;Croatia|HRK;Cuba|CUP;Curaçao|;Cyprus|CYP;Czech Republic|CZK;
Denmark|DKK;Djibouti|DJF;Dominica|XCD;Dominican Republic|DOP;Ecuador|;Egypt|EGP;El Salvador|USD;Equatorial Guinea|XAF;Eritrea|ERN;
Estonia|EUR;Ethiopia|ETB;Falkland Islands (Malvinas)|FKP;Faroe Islands|;Fiji|FJD;Finland|EUR;France|EUR;French Guiana|;French Polynesia|;
French Southern Territories|;Gabon|XAF;Gambia|GMD;Georgia|;Germany|EUR;Ghana|GHS;Gibraltar|GIP;Greece|EUR;Greenland|;Grenada|XCD;
Guadeloupe|;Guam|;Guatemala|GTQ;Guernsey|;Guinea|GNF;Guinea-Bissau|XOF;Guyana|GYD;Haiti|HTG;Heard Island and McDonald Islands|;
Holy See (Vatican City State)|;Honduras|HNL;Hong Kong|HKD;Hungary|HUF;Iceland|ISK;India|INR;Indonesia|IDR;Iran|IRR;Iraq|IQD;Ireland|EUR;
Isle of Man|;Israel|ILS;Italy|EUR;Ivory Coast|XOF;Jamaica|JMD;Japan|JPY;Jersey|;Jordan|JOD;Kazakhstan|KZT;Kenya|KES;Kiribati|;
Korea, Democratic Peoples Republic of|KPW;Korea, Republic of|KRW;Kuwait|KWD;Kyrgyzstan|KGS;Lao Peoples Democratic Republic|LAK;Latvia|LVL;
Lebanon|LBP;Lesotho|LSL;Liberia|LRD;Libya|LYD;Liechtenstein|;Lithuania|LTL;Luxembourg|EUR;Macao|MOP;Macedonia|MKD;Madagascar|;Malawi|MWK;
Malaysia|MYR;Maldives|MVR;Mali|XOF;Malta|EUR;Marshall Islands|;Martinique|;Mauritania|MRO;Mauritius|MUR;Mayotte|;Mexico|MXN;
Micronesia, Federated States of|;Moldova, Republic of|MDL;Monaco|EUR;Mongolia|MNT;Montenegro|EUR;Montserrat|XCD;Morocco|MAD;Mozambique|MZN;
Myanmar|MMK;Namibia|NAD;Nauru|;Nepal|NPR;Netherlands|EUR;New Caledonia|;New Zealand|NZD;Nicaragua|NIO;Niger|XOF;Nigeria|NGN;Niue|;
Norfolk Island|;Northern Mariana Islands|;Norway|NOK;Oman|OMR;Pakistan|PKR;Palau|;Palestinian Territory, Occupied|;Panama|;
Papua New Guinea|PGK;Paraguay|PYG;Peru|PEN;Philippines|PHP;Pitcairn|;Poland|PLN;Portugal|EUR;Puerto Rico|;Qatar|QAR;Romania|RON;
Russian Federation|RUB;Rwanda|RWF;Réunion|;Saint Barthélemy|;Saint Helena, Ascension and Tristan da Cunha|SHP;Saint Kitts and Nevis|XCD;
Saint Lucia|XCD;Saint Martin (French part)|;Saint Pierre and Miquelon|;Saint Vincent and the Grenadines|XCD;Samoa|WST;San Marino|EUR;
Sao Tome and Principe|STD;Saudi Arabia|SAR;Senegal|XOF;Serbia|RSD;Seychelles|SCR;Sierra Leone|SLL;Singapore|SGD;Sint Maarten (Dutch part)|;
Slovakia|EUR;Slovenia|EUR;Solomon Islands|SBD;Somalia|SOS;South Africa|ZAR;South Georgia and the South Sandwich Islands|;South Sudan|;
Spain|EUR;Sri Lanka|LKR;Sudan|SDG;Suriname|SRD;Svalbard and Jan Mayen|;Swaziland|SZL;Sweden|SEK;Switzerland|CHF;Syria|SYP;Taiwan|TWD;
Tajikistan|;Tanzania|TZS;Thailand|THB;Timor-Leste|;Togo|XOF;Tokelau|;Tonga|TOP;Trinidad and Tobago|TTD;Tunisia|TND;Turkey|TRY;
Turkmenistan|TMM;Turks and Caicos Islands|;Tuvalu|;Uganda|UGX;Ukraine|UAH;United Arab Emirates|AED;United Kingdom|GBP;United States|USD;
United States Minor Outlying Islands|;Uruguay|UYU;Uzbekistan|UZS;Vanuatu|VUV;Venezuela, Bolivarian Republic of|VEF;Vietnam|VND;
Virgin Islands, British|;Virgin Islands, U.S.|;Wallis and Futuna|;Western Sahara|;Yemen|YER;Zambia|ZMW;Zimbabwe|ZWL;Åland Islands|`;

export const COUNTRIES: { name: string; currency: string | null }[] = COUNTRY_CURRENCY.split(';').map((entry) => {
  const [name, currency] = entry.trim().split('|');
  return { name: name ?? '', currency: currency || null };
});

// ISO 4217 active codes plus the historical ones country_info.json still names (CYP, LVL, LTL, MRO, STD, TMM, VEF, HRK, KZ).
export const CURRENCIES: string[] = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF
CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS
INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK
MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD
SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
CYP LVL LTL MRO STD TMM VEF HRK KZ`.split(/\s+/).filter(Boolean);

/** Name of the US/default tax accounts ERPNext's country_wise_tax.json adds under "Duties and Taxes". */
export const COUNTRY_TAX_ACCOUNTS: Record<string, { name: string; rate: number }[]> = {
  'United States': [
    { name: 'ST 4%', rate: 4 },
    { name: 'ST 6.25%', rate: 6.25 },
    { name: 'ST 6%', rate: 6 },
  ],
};
