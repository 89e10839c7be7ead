import type { FormInstance } from 'antd';
import { ApiError } from '../../api/api-error';
import { vietnameseMessage } from '../../api/field-messages';

/**
 * Puts the API's field-level problems (`details` of a 400) at their fields; returns whether
 * there were any. Nested fields (`criteria[2].code`) become antd name paths; the API's English
 * messages are said in Vietnamese.
 */
export function showFieldProblems(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.fieldProblems.length) return false;
  form.setFields(
    error.fieldProblems.map((problem) => ({
      name: problem.field
        .split(/[.[\]]+/)
        .filter(Boolean)
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      errors: [vietnameseMessage(problem.message, problem.field)],
    })) as never,
  );
  return true;
}
