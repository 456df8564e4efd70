/**
 * What the wording of one line says about it being site furniture.
 * - `end`: comments headers, comment forms, copyright lines: the story rarely continues past them.
 * - `section`: headers of other parts of a page: related or trending stories, tags, newsletters.
 * - `furniture`: share buttons, menus, "Advertisement", sign-in and subscribe prompts.
 * - `credit`: photo credits, image counters, "Go to Source" and similar source lines.
 */
export type BoilerplateCueKind = 'end' | 'section' | 'furniture' | 'credit';

/** A matched cue, with the words that matched (for the suggestion's reason). */
export interface BoilerplateCue {
  kind: BoilerplateCueKind;
  cue: string;
}

// Headers of the parts of a page that follow (or surround) a story. Matched on short lines only.
// Headers that open the comments (or the author's box) after a story. Matched on short lines only.
const END_HEADERS = new RegExp(
  '^(?:' +
    [
      '\\d*\\s*comments?(?:\\s*\\(\\d+\\))?',
      '\\d+ (?:comments?|responses?|replies|reactions?|thoughts?) (?:to|on) .+',
      '(?:permalink )?\\d+ comments? .*',
      '(?:view|show|read|see|load|post|add|hide)(?: all| the)? \\d*\\s*comments?',
      'leave a (?:reply|comment)',
      'join the (?:conversation|discussion)',
      'discussion',
      'about the author',
    ].join('|') +
    ')\\s*[:.!…]*$',
  'i',
);

// Headers of other parts of a page: related stories, trending lists, tags, newsletters.
const SECTION_HEADERS = new RegExp(
  '^(?:' +
    [
      '(?:related|recommended|similar|suggested|more|other|latest|top|popular|trending|featured|sponsored|editors?[\'’]?s?) (?:news|stories|articles|posts|reads?|reading|videos|content|links|picks|headlines|topics|coverage|from .+|in .+|on .+)',
      'more (?:from|on|in|about) .+',
      'you (?:may|might|could|will) (?:also )?(?:like|enjoy|be interested in)',
      'we recommend',
      'recommended(?: for you)?',
      'related',
      'read (?:more|next|also)',
      'also read',
      'further reading',
      'what to read next',
      '(?:from )?around the web',
      'most (?:popular|read|viewed|shared|commented|emailed|watched)',
      'trending(?: now| stories| news)?',
      'popular(?: now| stories| news)?',
      'latest(?: news| stories| headlines| videos)?',
      'top stories',
      'in (?:other|case you missed) .+',
      '(?:sign up|subscribe)(?: (?:for|to)) .*newsletters?.*',
      '(?:daily |weekly |free )?newsletters?',
      '(?:further reading|tags?|topics?|filed under|related(?: topics| articles| stories)?|read more|also read|see also|more on)\\s*:.*',
      'tags?',
      'topics?',
      'filed under',
      'share (?:this|the) (?:article|story|post|page)',
    ].join('|') +
    ')\\s*[:.!…]*$',
  'i',
);

// Phrases that mark a line wherever they occur in it (line length permitting).
const END_PHRASES =
  /©|\(c\) ?(?:19|20)\d\d|all rights reserved|your email address will not be published|required fields are marked|click here to unsubscribe|comments are closed|you must be logged in to/i;
// Calls to action and promotion of the site itself, anywhere in a line of moderate length.
const PROMO =
  /\b(?:follow (?:us|me|him|her|them) (?:on|at|@)|follow [\p{L}\p{N} ]{1,30} on (?:twitter|facebook|instagram|linkedin|youtube|tiktok|x)\b|subscribe to (?:our|the) (?:youtube|newsletter|podcast|channel)|join (?:our|us|the conversation)|click here|download (?:our|the) app|have a (?:news )?tip|(?:may|can) be reached at|contact (?:us|the author)|email us|if you enjoyed this (?:article|story|post)|share (?:this|the) (?:article|story|post)|registered trademarks?|customer service|terms and conditions|(?:the )?information (?:provided|contained) on this (?:web)?site|retrieved \d+ \w+ \d{4} from|this (?:article|document) is subject to copyright|comments? (?:may|will|might) be (?:reprinted|published|edited|moderated|removed)|offer your thoughts|thank you for (?:reading|taking the time|your comment)|share your (?:thoughts|views|comments|opinion)|opportunity to share information)\b/iu;
// Sign-up prompts: only on short lines, as articles also tell readers how to sign up for things.
const PROMO_SHORT = /\b(?:subscribe (?:to|now|today|here|for)|sign up (?:for|to|now|here)|newsletter)\b/i;
// Photo credits at the end of a caption: "… (AP Photo/Jane Doe)", "…Credit: EPA", "Image caption …".
const CAPTION_CREDIT = new RegExp(
  [
    '\\((?:AP|AFP|Reuters|Getty|EPA)?\\s*(?:Photo|Image|Picture|Foto)s?\\b[^)]{0,80}\\)$',
    '\\(Image credit:[^)]*\\)',
    '(?:\\b|(?<=\\p{Ll}))(?:Photo |Image )?Credits?: ?[\\p{Lu}][^.]{0,60}$',
    '\\b(?:Photo|Image|Picture|Foto)(?: credit)?: ?[\\p{Lu}][^.]{0,50}$',
    '^Image caption\\b',
    '\\(\\s*[\\p{Lu}][\\p{Lu} .\'-]+\\/[\\p{Lu} .\'-]+\\)$',
    '\\((?:AP|AFP|Reuters|Getty Images|EPA|Bloomberg|File)\\)$',
    '[.]\\s?(?:Reuters|AFP|AP|Getty Images|EPA|Bloomberg)$',
    '\\/\\s?(?:Getty Images|AFP|Reuters|AP|Shutterstock)\\)?$',
  ].join('|'),
  'u',
);
const CREDIT_HINT = /credit|photo|image|picture|foto|getty|reuters|afp|\bAP\b|epa|bloomberg|shutterstock|\)$/i;
// "About Acme": the company boilerplate that ends a press release.
const ABOUT_HEADER = /^About (?:us|[\p{Lu}][\p{L}\p{N}&.,'’\- ]{1,40})[:.]?$/u;
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
const COMMENT_META = /^[\p{L}\p{N}_.\- ]{1,40} (?:says|said|wrote|replied):?$/iu;

// Weaker phrases that articles can also use in a sentence: only on short lines.
const END_PHRASES_SHORT =
  /\bcopyright\b|\bunsubscribe\b|terms (?:of|and) (?:use|service|conditions)|privacy (?:policy|notice)|cookie (?:policy|settings)|we use cookies|(?:this|our) (?:site|website) uses cookies|log ?in to (?:comment|reply)|be the first to comment/i;

const FURNITURE_PHRASES =
  /^(?:advertisement|advertising|sponsored|ad|skip (?:to|navigation).*|menu|search|close|back to top|return to top|top|home|next|previous|prev|print|email|share|tweet|like|follow|subscribe|sign in|log in|login|register|sign up|more|loading\.*|continue reading|click here.*|show more|see more|read more|read full (?:article|story)|watch|listen|play|pause|video|photos?|gallery|view gallery|image \d+ (?:of|\/) ?\d*|\d+ ?(?:\/|of) ?\d+|caption|expand|collapse|hide caption|toggle .*|open .*menu|go to source|source|contact us.*|follow us.*|get the app|download the app)\s*[:.!…»›>]*$/i;

const CREDIT =
  /^(?:(?:photo|image|picture|illustration|video|graphic|file photo|photograph|credit|photo credit|image credit|source|via)s?\s*(?:by)?\s*:.{0,80}|(?:getty images|reuters|ap photo|afp|epa|shutterstock|istock)(?:[\/ ].{0,40})?|\(?(?:photo|image|credit)[^)]{0,60}\)?)$/i;

const SHARE_WORDS = new Set([
  'share', 'shares', 'shared', 'tweet', 'facebook', 'twitter', 'whatsapp', 'pinterest', 'linkedin', 'reddit', 'email', 'e-mail',
  'mail', 'print', 'comment', 'comments', 'reply', 'messenger', 'telegram', 'instagram', 'youtube', 'flipboard', 'pocket',
  'copy', 'link', 'sms', 'save', 'on', 'this', 'via', 'x', 'tumblr', 'vk', 'more', 'options', 'subscribe', 'follow', 'us',
  'google', 'rss', 'feed', 'the', 'article', 'story', 'to', 'with', 'your', 'friends', 'and', 'or', 'line', 'snapchat', 'tiktok',
]);
const SHARE_CORE = /\b(?:share|tweet|facebook|twitter|whatsapp|pinterest|linkedin|reddit|email|print|comments?)\b/i;

/** Classifies a trimmed line's wording as a boilerplate cue, or returns null. */
export function boilerplateCue(line: string): BoilerplateCue | null {
  const words = line.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  const n = words.length;
  if (n === 0) return /\p{L}|\p{N}/u.test(line) ? null : { kind: 'credit', cue: 'no words' };
  const flat = line.replace(/[\s\u00a0]+/g, ' ').trim();
  if (n <= 12 && END_HEADERS.test(flat)) return { kind: 'end', cue: line.slice(0, 40) };
  if (n <= 6 && ABOUT_HEADER.test(flat)) return { kind: 'end', cue: line.slice(0, 40) };
  if (n <= 10 && SECTION_HEADERS.test(flat)) return { kind: 'section', cue: line.slice(0, 40) };
  if (n <= 40) {
    const m = END_PHRASES.exec(line);
    if (m) return { kind: 'end', cue: m[0] };
  }
  if (n <= 14) {
    const m = END_PHRASES_SHORT.exec(line);
    if (m) return { kind: 'end', cue: m[0] };
  }
  if (n <= 8 && FURNITURE_PHRASES.test(line.trim())) return { kind: 'furniture', cue: line.slice(0, 40) };
  if (URL_LINE.test(line.trim())) return { kind: 'furniture', cue: 'address' };
  if (n <= 8 && COMMENT_META.test(line.trim())) return { kind: 'furniture', cue: 'comment author' };
  if (n <= 15) {
    const m = PROMO_SHORT.exec(line);
    if (m) return { kind: 'furniture', cue: m[0] };
  }
  if (n <= 50) {
    const m = PROMO.exec(line);
    if (m) return { kind: 'furniture', cue: m[0] };
  }
  if (n <= 80 && CREDIT_HINT.test(line) && CAPTION_CREDIT.test(line.trim())) return { kind: 'credit', cue: 'photo credit' };
  if (n <= 14 && CREDIT.test(line.trim())) return { kind: 'credit', cue: 'credit' };
  if (n <= 16 && SHARE_CORE.test(line)) {
    let shareLike = 0;
    for (const w of words) if (SHARE_WORDS.has(w.toLowerCase()) || /^\d+$/.test(w)) shareLike++;
    if (shareLike / n >= 0.75) return { kind: 'furniture', cue: 'share buttons' };
  }
  return null;
}
