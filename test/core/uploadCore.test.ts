import { describe, expect, it } from 'vitest';
import { validateOptions } from '../../src/core/validateOptions.ts';
import { classifyUploadFailure } from '../../src/core/uploadFailure.ts';
import { alternativeName, assetNameFor } from '../../src/core/uploadNames.ts';
import { assetsApiUrl, folderChain, readUploadedAsset, uploadContentType } from '../../src/core/uploadRequests.ts';

const problem = (status: number, parameter: string, detail = `${parameter}: wrong`) => JSON.stringify({ status, parameter, detail, title: 'x' });

describe('the upload option', () => {
  const check = (upload: unknown) => () => validateOptions({ repository: 'https://repo.example', upload });

  it('takes a folder under /content/dam and an optional approve flag', () => {
    expect(validateOptions({ repository: 'https://repo.example', upload: { folder: '/content/dam/uploads', approve: true } }).upload).toEqual({ folder: '/content/dam/uploads', approve: true });
    expect(check({ folder: '/content/dam' })).not.toThrow();
    expect(check({ folder: '/content/dam/a b/Ünïcode' })).not.toThrow();
  });

  it('names what is wrong', () => {
    expect(check('uploads')).toThrow(/option "upload" must be/);
    expect(check(null)).toThrow(/option "upload" must be/);
    expect(check({ folder: '/content/dam/x', extra: 1 })).toThrow(/option "upload".*unknown keys extra/);
    for (const folder of [undefined, 'uploads', '/content/damx', '/content/dam/', '/content/dam//x', '/content/dam/../etc', '/content/dam/a:b', '/other/dam/x', 42]) {
      expect(check({ folder }), String(folder)).toThrow(/option "upload.folder" must be an absolute folder path under \/content\/dam/);
    }
    expect(check({ folder: '/content/dam/x', approve: 'yes' })).toThrow(/option "upload.approve" must be a boolean/);
  });
});

describe('asset names', () => {
  it('keeps a valid file name and repairs an invalid one', () => {
    expect(assetNameFor('photo.jpg')).toBe('photo.jpg');
    expect(assetNameFor('Ünïcode 写真.png')).toBe('Ünïcode 写真.png');
    expect(assetNameFor('a:b*c?.jpg')).toBe('a-b-c-.jpg');
    expect(assetNameFor('  spaced.jpg ')).toBe('spaced.jpg');
    expect(assetNameFor('..')).toBe('upload');
    const long = assetNameFor(`${'x'.repeat(200)}.jpeg`);
    expect(long).toHaveLength(150);
    expect(long.endsWith('x.jpeg')).toBe(true);
  });

  it('numbers the alternatives before the extension', () => {
    expect(alternativeName('photo.jpg', 1)).toBe('photo-1.jpg');
    expect(alternativeName('photo.jpg', 12)).toBe('photo-12.jpg');
    expect(alternativeName('archive.tar.gz', 2)).toBe('archive.tar-2.gz');
    expect(alternativeName('README', 1)).toBe('README-1');
    expect(alternativeName('.env', 1)).toBe('.env-1');
    expect(alternativeName(`${'y'.repeat(146)}.jpg`, 100)).toHaveLength(150);
    expect(() => alternativeName('a.jpg', 0)).toThrow(RangeError);
  });
});

describe('failure classification', () => {
  it('tells too large, wrong type, conflict, not allowed, network and server apart', () => {
    expect(classifyUploadFailure(413, problem(413, 'file', 'file: larger than the upload limit of 1 MB'))).toEqual({ kind: 'too-large', status: 413, detail: 'file: larger than the upload limit of 1 MB' });
    expect(classifyUploadFailure(415, problem(415, 'Content-Type')).kind).toBe('wrong-type');
    expect(classifyUploadFailure(400, problem(400, 'Content-Type', 'Content-Type: the bytes do not decode as image/jpeg')).kind).toBe('wrong-type');
    expect(classifyUploadFailure(400, problem(400, 'file')).kind).toBe('wrong-type');
    expect(classifyUploadFailure(400, problem(400, 'name')).kind).toBe('rejected');
    expect(classifyUploadFailure(409, problem(409, 'path')).kind).toBe('conflict');
    expect(classifyUploadFailure(401, '').kind).toBe('not-allowed');
    expect(classifyUploadFailure(403, problem(403, 'dam:assetStatus')).kind).toBe('not-allowed');
    expect(classifyUploadFailure(0)).toEqual({ kind: 'network', status: 0 });
    expect(classifyUploadFailure(503, '<html>busy</html>')).toEqual({ kind: 'server', status: 503 });
    expect(classifyUploadFailure(429).kind).toBe('server');
    expect(classifyUploadFailure(412, problem(412, 'path')).kind).toBe('rejected');
  });
});

describe('requests and answers', () => {
  it('builds Assets HTTP API URLs with each segment encoded', () => {
    expect(assetsApiUrl('https://repo.example', '/content/dam/uploads/a b#1.jpg')).toBe('https://repo.example/api/assets/uploads/a%20b%231.jpg');
    expect(assetsApiUrl('https://repo.example/base', '/content/dam/x', '.json')).toBe('https://repo.example/base/api/assets/x.json');
    expect(folderChain('/content/dam/a/b/c')).toEqual(['/content/dam/a', '/content/dam/a/b', '/content/dam/a/b/c']);
    expect(folderChain('/content/dam')).toEqual([]);
    expect(uploadContentType(new Blob(['x'], { type: 'image/png' }))).toBe('image/png');
    expect(uploadContentType(new Blob(['x']))).toBe('application/octet-stream');
  });

  it('reads an asset entity and refuses anything else', () => {
    const entity = { class: ['assets/asset'], properties: { name: 'k.jpg', 'repo:assetId': 'urn:aaid:aem:1', 'repo:path': '/content/dam/u/k.jpg', 'dam:assetStatus': 'draft', 'tiff:ImageWidth': 2400, 'tiff:ImageLength': 1500 } };
    expect(readUploadedAsset(JSON.stringify(entity))).toEqual({ assetId: 'urn:aaid:aem:1', name: 'k.jpg', path: '/content/dam/u/k.jpg', status: 'draft', width: 2400, height: 1500 });
    expect(() => readUploadedAsset('not json')).toThrow(/not JSON/);
    expect(() => readUploadedAsset(JSON.stringify({ class: ['assets/folder'], properties: {} }))).toThrow(/not an assets\/asset/);
    expect(() => readUploadedAsset(JSON.stringify({ ...entity, properties: { ...entity.properties, 'repo:assetId': 3 } }))).toThrow(/repo:assetId/);
  });
});
