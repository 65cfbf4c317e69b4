import { parse } from 'yaml'
import { exportManifests } from '../../src/export/manifests.js'
import { fileNames } from '../../src/export/file-name.js'
import type { LiveCustomization } from '../../src/luigisbox/wire.js'
import { validateSources } from '../../src/manifest/validate.js'

const TAG = 'luigisbox-pins'
const NOW = new Date('2026-06-01T00:00:00Z')

/** As the API lists one: server-owned fields, nulls and defaults beside what was set. */
const listed = (fields: Partial<LiveCustomization> & { id: string }): LiveCustomization =>
  ({
    model: 'product_detail',
    target_type: 'item',
    target_identity: '/p/guitar/',
    target_criteria: null,
    target_metadata: null,
    tags: null,
    creator: 'merchant@shop.example',
    created_at: '2025-11-03T09:14:22.123456+00:00',
    available: true,
    updated_at: '2025-11-04T10:00:00.000000+00:00',
    pin_definitions: [
      {
        position: 1,
        pin_type: 'item',
        pin_identity: '/p/bag/',
        pin_criteria: null,
        widget_id: null,
        is_block_pin: false,
        is_bundle_pin: false,
        active_from: null,
        active_to: '2030-01-01T00:00:00.000000+00:00',
      },
    ],
    ...fields,
  }) as unknown as LiveCustomization

const only = (live: LiveCustomization[]) => exportManifests(live, TAG)

describe('exportManifests', () => {
  test('only what a merchant set: no server-owned field, null, default or Action tag; values verbatim', () => {
    const { files, warnings } = only([
      listed({ id: 'a1', tags: ['promo', TAG, `${TAG}:0123456789ab:ba9876543210`] }),
    ])
    expect(warnings).toEqual([])
    expect(files).toEqual([
      {
        path: 'product_detail/item-p-guitar.yml',
        id: 'a1',
        text: [
          '# yaml-language-server: $schema=https://raw.githubusercontent.com/luigisbox-pins/luigisbox-pins-action/v1/schema/customization.schema.json',
          'model: product_detail',
          'target_type: item',
          'target_identity: /p/guitar/',
          'tags:',
          '  - promo',
          'pin_definitions:',
          '  - position: 1',
          '    pin_type: item',
          '    pin_identity: /p/bag/',
          '    active_to: "2030-01-01T00:00:00.000000+00:00"',
          '',
        ].join('\n'),
      },
    ])
  })

  test('what it writes validates without a problem and reads back as the live fields', () => {
    const criteria = listed({
      id: 'c1',
      model: 'category',
      target_type: 'criteria',
      target_identity: null,
      target_criteria: { brand: ['Fender'], price: { gte: 200 } },
      tags: ['yes', '0123', 'null', 'a: b', '#x'],
    } as unknown as Partial<LiveCustomization> & { id: string })
    const { files } = only([criteria])
    const file = files[0]!
    expect(validateSources([{ file: file.path, text: file.text }], NOW).problems).toEqual([])
    expect(parse(file.text)).toEqual({
      model: 'category',
      target_type: 'criteria',
      target_criteria: { brand: ['Fender'], price: { gte: 200 } },
      tags: ['yes', '0123', 'null', 'a: b', '#x'],
      pin_definitions: [
        {
          position: 1,
          pin_type: 'item',
          pin_identity: '/p/bag/',
          active_to: '2030-01-01T00:00:00.000000+00:00',
        },
      ],
    })
  })

  test('a string YAML 1.2 would read as a number is quoted, so it comes back a string', () => {
    const { files } = only([listed({ id: 'o', target_identity: '0o17', tags: ['1_000', '0x1F'] })])
    const file = files[0]!
    expect(parse(file.text)).toMatchObject({ target_identity: '0o17', tags: ['1_000', '0x1F'] })
    expect(validateSources([{ file: file.path, text: file.text }], NOW).problems).toEqual([])
  })

  test('the same listing in another order gives the same files', () => {
    const live = [
      listed({ id: 'x', target_identity: '/p/A-B/' }),
      listed({ id: 'y', target_identity: '/p/a-b/' }),
      listed({ id: 'z', model: 'basket', target_type: 'all', target_identity: null } as never),
    ]
    expect(only([...live].reverse())).toEqual(only(live))
  })

  test('unreadable or pinless customizations are left out, and shared scopes warned about', () => {
    const { files, warnings } = only([
      listed({ id: 'no-pins', target_identity: '/p/empty/', pin_definitions: [] }),
      listed({ id: 'bad', target_type: 'nope' as never }),
      listed({ id: 'twin-1' }),
      listed({ id: 'twin-2' }),
    ])
    expect(files.map((f) => [f.id, f.path])).toEqual(
      [
        ['twin-1', expect.stringMatching(/^product_detail\/item-p-guitar-[0-9a-f]{8}\.yml$/)],
        ['twin-2', expect.stringMatching(/^product_detail\/item-p-guitar-[0-9a-f]{8}\.yml$/)],
      ].sort((a, b) => (String(a[1]) < String(b[1]) ? -1 : 1)),
    )
    expect(new Set(files.map((f) => f.path)).size).toBe(2)
    expect(warnings).toEqual([
      'Customization bad was not exported: target_type is not item, criteria or all.',
      'Customization no-pins was not exported: it has no pins.',
      'Customizations twin-1, twin-2 share one scope (product_detail · item /p/guitar/): their manifests fail validation until you keep one, with the pins of all, and delete the others in the app.',
    ])
  })
})

describe('fileNames', () => {
  const item = (model: string, target_identity: string) => ({
    id: target_identity,
    scope: { model, target_type: 'item' as const, target_identity },
  })

  test('readable: model directory, target type, the target in lower-case words', () => {
    expect(
      fileNames([
        item('product_detail', '/p/Fender Player Stratocaster/'),
        {
          id: 'c',
          scope: {
            model: 'category',
            target_type: 'criteria',
            target_criteria: { price: { lte: 900 }, brand: ['Fender', 'Squier'] },
          },
        },
        { id: 'a', scope: { model: 'basket', target_type: 'all' } },
      ]),
    ).toEqual([
      'product_detail/item-p-fender-player-stratocaster.yml',
      'category/criteria-brand-fender-squier-price-lte-900.yml',
      'basket/all.yml',
    ])
  })

  test('hostile model and target names cannot leave the directory or hide', () => {
    const names = fileNames([
      item('../../etc', '/../../passwd'),
      item('.', '\n'),
      item('CON', '..'),
    ])
    // CON is a device on Windows, whatever its case or extension.
    expect(names).toEqual(['etc/item-passwd.yml', 'model/item-target.yml', 'con_/item-target.yml'])
    for (const name of names) expect(name).toMatch(/^[a-z0-9_-]+\/[a-z0-9_-]+\.yml$/)
  })

  test('colliding names all get a fingerprint of their scope, whatever the order', () => {
    const a = item('m', '/p/A/')
    const b = item('m', '/p/a/')
    const forward = fileNames([a, b])
    expect(forward[0]).not.toBe(forward[1])
    expect(forward.every((name) => /^m\/item-p-a-[0-9a-f]{8}\.yml$/.test(name))).toBe(true)
    expect(fileNames([b, a])).toEqual([forward[1], forward[0]])
  })

  test('a target named like a fingerprinted name does not take its file, whatever the order', () => {
    const a = item('m', '/p/A/')
    const b = item('m', '/p/a/')
    const suffixed = fileNames([a, b])[0] as string
    const lookalike = item('m', `/p/${suffixed.slice('m/item-p-'.length, -'.yml'.length)}/`)
    const names = fileNames([a, b, lookalike])
    expect(new Set(names).size).toBe(3)
    expect(fileNames([lookalike, b, a])).toEqual([names[2], names[1], names[0]])
  })
})
