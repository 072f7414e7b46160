/** The pages' translate function: defined with the plural and number helpers in utils/i18n/. */
export type { Translate } from '@/utils/i18n/translator';
