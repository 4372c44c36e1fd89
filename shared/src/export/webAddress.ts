/**
 * Whether a word (text between spaces) is a web address or an e-mail
 * address. Such a word is never hyphenated when it is too long for its line:
 * a hyphen inside "digitale-verwal-tung.de" reads as part of the address and
 * breaks it when copied or typed. It is broken without a hyphen instead,
 * preferably after a slash or a dot. Shared by the canvas (and the PNG, which
 * draws as the canvas does) and the PDF.
 */
const SCHEME = /^[\p{P}]*(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)/iu;
const EMAIL = /^[\p{P}]*[^\s@]+@[^\s@]+\.\p{L}{2,}/u;
/** A domain with a path: "example.de/foo" (a bare "z.B." or "usw." is no address). */
const DOMAIN_PATH = /^[\p{P}]*[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}\//u;

export function isWebAddress(word: string): boolean {
  return SCHEME.test(word) || EMAIL.test(word) || DOMAIN_PATH.test(word);
}

/** Characters an address is broken after when it does not fit its line. */
export const ADDRESS_BREAK_AFTER = /[/.\-_?&=#@:]/;
