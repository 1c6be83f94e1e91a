/**
 * Hostile text a lead name, company, note, member name, column label or CSV cell may carry. Every payload
 * that could run script calls `__xss(<its number>)` (page-guard.js records it), and every element or
 * attribute one could inject carries the marker `xss` somewhere (an id, a class, an attribute), so a page
 * inspection finds what a payload managed to create. The rest are text that must simply be shown as written:
 * template syntax, bidirectional overrides, zero-width and combining characters, emoji, very long strings.
 *
 * All are storable (no lone surrogate, no NUL) and within the field limits (200 characters), so the backends
 * accept them as given; the ones that are not are in UNSTORABLE, refused before anything is stored.
 */
export const PAYLOADS: readonly string[] = [
  // script elements and their spellings
  '<script>__xss(1)</script>',
  '<SCRIPT id=xss>__xss(2)</SCRIPT>',
  '<script src="data:text/javascript,__xss(3)"></script>',
  '"><script>__xss(4)</script>',
  "'><script>__xss(5)</script>",
  '</title><script>__xss(6)</script>',
  '<scr<script>ipt>__xss(7)</scr</script>ipt>',
  // event-handler attributes
  '<img src=x onerror=__xss(8) id=xss>',
  '<img src="x" onerror="__xss(9)" class="xss">',
  '<svg onload=__xss(10) id=xss>',
  '<body onload=__xss(11)>',
  '<div onmouseover="__xss(12)" id=xss>hover</div>',
  '<input autofocus onfocus=__xss(13) id=xss>',
  '<details open ontoggle=__xss(14) id=xss>',
  '<video><source onerror=__xss(15) id=xss></video>',
  '<iframe srcdoc="<script>parent.__xss(16)</script>" id=xss></iframe>',
  '<marquee onstart=__xss(17) id=xss>',
  // attribute breakers (a value that closes the attribute it lands in)
  '" onmouseover="__xss(18)" data-xss="',
  "' onfocus='__xss(19)' autofocus data-xss='",
  '" autofocus onfocus=__xss(20) x="',
  '`onerror=__xss(21) data-xss',
  // javascript: URLs
  'javascript:__xss(22)',
  '<a href="javascript:__xss(23)" id=xss>click</a>',
  '<a href="jav&#x09;ascript:__xss(24)" id=xss>tab</a>',
  '<form action="javascript:__xss(25)" id=xss><button>go</button></form>',
  '<iframe src="javascript:__xss(26)" id=xss></iframe>',
  'JaVaScRiPt:__xss(27)',
  // SVG and MathML
  '<svg><script>__xss(28)</script></svg>',
  '<svg><animate onbegin=__xss(29) attributeName=x dur=1s id=xss>',
  '<svg><a xlink:href="javascript:__xss(30)"><text x=20 y=20>xss</text></a></svg>',
  '<svg><foreignObject><img src=x onerror=__xss(31) id=xss></foreignObject></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(32) id=xss>',
  '<math href="javascript:__xss(33)" id=xss>math</math>',
  // template and mXSS strings (mutate when serialised and parsed again)
  '<template><img src=x onerror=__xss(34) id=xss></template>',
  '<noscript><p title="</noscript><img src=x onerror=__xss(35) id=xss>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss(36) id=xss>',
  '<svg></p><style><a id="</style><img src=1 onerror=__xss(37) id=xss>">',
  '<!--<img src=x onerror=__xss(38) id=xss>-->',
  '<![CDATA[<img src=x onerror=__xss(39) id=xss>]]>',
  // breaking out of styles and templates of the elements themselves
  '</style><img src=x onerror=__xss(40) id=xss>',
  '</textarea><img src=x onerror=__xss(41) id=xss>',
  '<style>*{display:none}</style><b id=xss>',
  '<?lit$1234$><img src=x onerror=__xss(42) id=xss>',
  '${__xss(43)}',
  '{{constructor.constructor("__xss(44)")()}}',
  '{{7*7}} [[7*7]] <%= 7*7 %>',
  // other markup that must stay text
  '<base href="javascript:__xss(45)//" id=xss>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(46)" id=xss>',
  '<object data="javascript:__xss(47)" id=xss></object>',
  '<embed src="javascript:__xss(48)" id=xss>',
  '<link rel=import href="data:text/html,<script>__xss(49)</script>" id=xss>',
  '<b id=xss class=xss>bold</b>',
  '&lt;script&gt;__xss(50)&lt;/script&gt;',
  '&#60;img src=x onerror=__xss(51)&#62;',
  // unicode: bidirectional overrides, zero-width, combining marks, emoji, very long
  'Acme \u202egnp.exe\u202c Corp',
  '\u2067\u05e9\u05dc\u05d5\u05dd\u2069 Ltd \u200f',
  'Zero\u200bwidth\u200c\u200djoin\ufeff',
  'Z\u0351\u0367\u0300a\u0336\u0313l\u0315go\u0489',
  '🚀 Rocket 👩🏽‍💻 Team 🏳️‍🌈',
  `Very long ${'<b id=xss>x</b>'.repeat(12)}`,
  `${'W'.repeat(199)}`,
];

/** Text no backend may store: each is refused, naming the field, before anything is written. */
export const UNSTORABLE: readonly string[] = ['\ud800'.repeat(20), 'Acme \udfff', 'Null\u0000byte', `${'x'.repeat(201)}`];
