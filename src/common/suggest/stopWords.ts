/**
 * Short lists of the most frequent function words of the languages Gloss users annotate most
 * (English first; German, French, Spanish, Portuguese, Italian, Dutch, Indonesian, Russian).
 * Prose has many of them, menus and headline lists few: that density is a boilerplate signal.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // English
    'a an the and or but if of to in on at by for with from as is are was were be been being has have had do does did',
    'it its this that these those he she they we you i his her their our your my him them us me who whom which what',
    'when where while than then there here not no so such can could would should will may might must also just into',
    'about after before over under between through during said says according more most other some any all one two',
    'up out new been very only how why because since until both each few own same too',
    // German
    'der die das den dem des ein eine einen einem einer und oder aber ist sind war waren wird werden wurde hat haben',
    'nicht mit von zu im am auf für bei aus nach auch als wie sich es sie er wir ihr ich noch nur schon über um',
    // French
    'le la les un une des du de et ou mais est sont était été être avoir a ont dans sur pour par avec ce cette ces qui',
    'que quoi il elle ils elles nous vous ne pas plus se sa son ses leur au aux en',
    // Spanish / Portuguese / Italian
    'el los las y o pero es son fue era ser en con por para del al lo que se su sus como más muy este esta estos',
    'o os as um uma e mas é são foi era em com por para do da dos das ao não mais como seu sua que se',
    'il lo gli le e ma è sono era in con per di del della dei delle che non più come anche si',
    // Dutch
    'de het een en of maar is zijn was waren wordt met van voor op aan bij uit naar ook als dat die niet er',
    // Indonesian
    'yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga atau karena oleh',
    // Russian
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня',
    'еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам',
  ]
    .join(' ')
    .split(/\s+/)
    .filter((w) => w !== ''),
);
