import * as z from 'zod'

/**
 * A customization exactly as the Create Customization endpoint takes it, plus an optional
 * `$schema` for editors. Structure lives here; rules that relate fields to each other live in
 * rules.ts, so that one mistake gives one precise problem instead of a union's noise.
 */

export const TARGET_TYPES = ['item', 'criteria', 'all'] as const
export const PIN_TYPES = ['item', 'criteria'] as const

const nonEmptyString = z.string().min(1)

/** Criteria objects are undocumented by the vendor: any JSON object, passed through verbatim. */
const criteria = z
  .record(z.string(), z.unknown())
  .meta({ description: 'Criteria object, passed to the API verbatim; must not be empty.' })

/**
 * ISO 8601 date-time, as the API documents it. Manifests are checked against `manifestSchema`,
 * where it is any string: rules.ts tells a date that is wrong from one that is only unusual.
 */
const dateTime = z.iso.datetime({ offset: true })

export const pinSchema = z
  .strictObject({
    position: z.int().min(-1).meta({
      description: '-1 pins at every position, 0 blocks (with is_block_pin), 1.. pins there.',
    }),
    pin_type: z.enum(PIN_TYPES),
    pin_identity: nonEmptyString.optional().meta({ description: 'Item id; pin_type item only.' }),
    pin_criteria: criteria.optional(),
    widget_id: nonEmptyString.optional(),
    is_block_pin: z.boolean().optional(),
    is_bundle_pin: z.boolean().optional(),
    active_from: dateTime.optional(),
    active_to: dateTime.optional(),
  })
  .meta({ title: 'Pin' })

export const customizationSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'For editors; never sent to the API.' }),
    model: nonEmptyString.meta({
      description: 'Recommender model, e.g. basket or product_detail.',
    }),
    target_type: z.enum(TARGET_TYPES),
    target_identity: nonEmptyString.optional().meta({ description: 'Item id; item targets only.' }),
    target_criteria: criteria.optional(),
    target_metadata: z.record(z.string(), z.unknown()).optional(),
    tags: z.array(z.string()).optional(),
    pin_definitions: z.array(pinSchema).min(1),
  })
  .meta({
    title: "Luigi's Box recommendation customization",
    description: 'One customization per document; the fields of the Create Customization body.',
  })

/** Keys the server sets and returns (reference §3, list): warned about and never sent. */
export const SERVER_OWNED_KEYS: readonly string[] = ['id', 'creator', 'created_at', 'available']

/**
 * What a manifest may hold: the body, where an optional field may also be null, as the API
 * returns unset fields (reference §7), and the server-owned keys of an exported customization.
 * Both validate, with a warning; neither is sent. The JSON Schema for editors is this one.
 */
export const manifestPinSchema = z
  .strictObject(manifestShape(pinSchema.shape))
  .meta({ title: 'Pin' })

export const manifestSchema = z
  .strictObject({
    ...manifestShape(customizationSchema.shape),
    pin_definitions: z.array(manifestPinSchema).min(1),
    ...Object.fromEntries(
      SERVER_OWNED_KEYS.map((key) => [
        key,
        z.unknown().optional().meta({ description: 'Set by the server; ignored, never sent.' }),
      ]),
    ),
  })
  .meta(z.globalRegistry.get(customizationSchema) ?? {})

/** The optional fields, which a manifest may set to null. */
export const NULLABLE_KEYS: ReadonlySet<string> = new Set(
  [customizationSchema.shape, pinSchema.shape].flatMap((shape) =>
    Object.entries(shape)
      .filter(([key, schema]) => schema instanceof z.ZodOptional && key !== '$schema')
      .map(([key]) => key),
  ),
)

function manifestShape(shape: Record<string, z.ZodType>): Record<string, z.ZodType> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => {
      if (!(schema instanceof z.ZodOptional) || key === '$schema') return [key, schema]
      const inner = schema.unwrap() as z.ZodType
      const value = inner instanceof z.ZodISODateTime ? z.string() : inner
      return [
        key,
        value
          .nullable()
          .optional()
          .meta(z.globalRegistry.get(schema) ?? {}),
      ]
    }),
  )
}

export type Pin = z.infer<typeof pinSchema>
export type CustomizationManifest = z.infer<typeof customizationSchema>
export type Customization = Omit<CustomizationManifest, '$schema'>

/** The known keys of each object, for "did you mean" hints. */
export const CUSTOMIZATION_KEYS = Object.keys(customizationSchema.shape)
export const PIN_KEYS = Object.keys(pinSchema.shape)

export function customizationJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(manifestSchema, {
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === criteria) jsonSchema.minProperties = 1
    },
  }) as Record<string, unknown>
}
