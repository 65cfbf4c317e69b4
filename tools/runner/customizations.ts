/** One row of the Action's `customizations` output, as the README documents it. */
export interface CustomizationRow {
  /** Null for a customization deleted because no manifest declares it. */
  file: string | null
  document: number | null
  line: number | null
  scope: string
  action: string
  id: string | null
  error?: string
}

/** A run's `customizations` output, parsed; undefined when it is missing or not a JSON list. */
export function customizationRows(result: {
  outputs: Record<string, string | undefined>
}): CustomizationRow[] | undefined {
  try {
    const rows: unknown = JSON.parse(result.outputs['customizations'] ?? '')
    return Array.isArray(rows) ? (rows as CustomizationRow[]) : undefined
  } catch {
    return undefined
  }
}
