import type { ReactNode } from 'react';
import classes from './inbox.module.css';
import type { MacroPart } from './support-types.ts';

/** A rendered macro with each missing variable marked where it would have been. */
export function RenderedMacroText({ parts }: { parts: MacroPart[] }): ReactNode {
  return (
    <div className={classes.preview} data-testid="macro-preview">
      {parts.map((part, i) =>
        'text' in part ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed rendering, never reordered
          <span key={i}>{part.text}</span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <mark key={i} className={classes.missing} title={`${part.missing} has no value for this ticket`}>
            {part.missing}
          </mark>
        ),
      )}
    </div>
  );
}
