/** CP437 code points for bytes 0x80-0xFF, the charset APPNOTE assigns to names without bit 11. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤≠∩⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** General-purpose flag bit 11: the name and comment are UTF-8. */
const FLAG_UTF8 = 0x800;

/** Decodes an entry name per the general-purpose flag: UTF-8 when bit 11 is set, CP437 otherwise. */
export function decodeEntryName(raw: Buffer, generalPurposeFlag: number): string {
  if ((generalPurposeFlag & FLAG_UTF8) !== 0) {
    return raw.toString('utf8');
  }

  let text = '';
  for (const byte of raw) {
    text += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
  }
  return text;
}

/** Strips the trailing `/` of a directory name; the rest of the name is kept as stored. */
export function entryPath(name: string): string {
  let path = name;
  while (path.endsWith('/')) {
    path = path.slice(0, -1);
  }
  return path;
}

/**
 * Escapes control characters, backslashes-as-bytes stay as they are, so a name printed to a
 * terminal cannot move the cursor or start an escape sequence.
 */
export function printableName(name: string): string {
  let text = '';
  for (const char of name) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0)) {
      text += `\\x${code.toString(16).padStart(2, '0')}`;
    } else if (code === 0xfffd) {
      text += '\\ufffd';
    } else {
      text += char;
    }
  }
  return text;
}
