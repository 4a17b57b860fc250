import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/lib/decode.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeBytes(utf8('序号,网站名称'))).toEqual({
      ok: true,
      text: '序号,网站名称',
      encoding: 'UTF-8',
    });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('序号')]))).toEqual({
      ok: true,
      text: '序号',
      encoding: 'UTF-8 (BOM)',
    });
  });

  it('reads GB18030 (GBK) when the bytes are not UTF-8', () => {
    // 序号 in GBK: d0 f2 ba c5
    expect(decodeBytes(new Uint8Array([0xd0, 0xf2, 0xba, 0xc5]))).toEqual({
      ok: true,
      text: '序号',
      encoding: 'GB18030',
    });
  });

  it('reads UTF-16LE with BOM (Excel “Unicode text”)', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x8f, 0x5e, 0xf7, 0x53]); // 序号
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: '序号', encoding: 'UTF-16LE' });
  });

  it('refuses empty and binary files', () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toEqual({
      ok: false,
      reason: 'binary',
    });
  });
});
