import { Stepper } from '@mantine/core';
import { wizardSteps } from './import-stage.ts';

const descriptions = [
  'Shopify, WooCommerce, Storepilot',
  'A dry run',
  'Counts and problems',
  'Write the products',
];

/** Where the person is in the import: shown above every step of the wizard. */
export function ImportWizardSteps({ active, failed = false }: { active: number; failed?: boolean }) {
  return (
    <Stepper active={active} size="sm" mb="lg" color={failed ? 'red' : undefined} aria-label="Import steps">
      {wizardSteps.map((label, index) => (
        <Stepper.Step key={label} label={label} description={descriptions[index]} />
      ))}
    </Stepper>
  );
}
