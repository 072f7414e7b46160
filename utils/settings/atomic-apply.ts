/**
 * All or nothing for a settings import: each part (retention, privacy switches, policies, DNS, companion) is a
 * step that knows how to apply the file's values and how to put back what was there before (read before any
 * step ran). The steps run in order; when one fails, every step begun is restored, last first, and the failure
 * is thrown with what could not be put back, if anything. A browser refusing the rules midway, or a resolver
 * failing its probe, leaves the settings as they were, not half an import.
 */
export interface ImportStep {
  /** What the user calls this part, for the message ("per-site policies"). */
  name: string;
  apply(): Promise<void>;
  restore(): Promise<void>;
}

export class ImportUndone extends Error {
  override readonly name = 'ImportUndone';
  constructor(
    readonly step: string,
    readonly reason: string,
    /** Steps whose old values could not be put back, with why. */
    readonly notRestored: readonly string[],
  ) {
    // Shown after the dashboard's "This file was not imported and nothing was changed:".
    super(
      notRestored.length
        ? `${step} could not be applied (${reason}), and putting back the earlier settings failed for ${notRestored.join('; ')}.`
        : `${step} could not be applied (${reason}), so every part of the import was put back.`,
    );
  }
}

const text = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function applyAtomically(steps: readonly ImportStep[]): Promise<void> {
  const begun: ImportStep[] = [];
  for (const step of steps) {
    // Counted as begun before it runs: a step that fails halfway may have changed part of its own values.
    begun.push(step);
    try {
      await step.apply();
    } catch (error) {
      const notRestored: string[] = [];
      for (const done of begun.reverse()) {
        try {
          await done.restore();
        } catch (undoError) {
          notRestored.push(`${done.name} (${text(undoError)})`);
        }
      }
      throw new ImportUndone(step.name, text(error), notRestored);
    }
  }
}
