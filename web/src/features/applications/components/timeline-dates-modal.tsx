import { useEffect } from 'react';
import { DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/form-modal';
import { asApiError, notifySuccess } from '../../../app/error-notifier';
import { showFieldIssues } from '../../../app/form-errors';
import { useUpdateApplication, type Application } from '../hooks/use-applications';

/** Which dates the modal edits: the agency's own targets, or the review milestones the authority announced. */
export type TimelineDatesSection = 'targets' | 'milestones';

const fieldsOf = {
  targets: ['submitBy', 'issueBy'],
  milestones: ['expertReviewOn', 'onSiteInspectionOn', 'publicNoticeOn'],
} as const;

type DateValues = Partial<Record<string, Dayjs | null>>;

interface TimelineDatesModalProps {
  application: Pick<Application, 'id' | 'version' | 'targets' | 'milestones'>;
  /** null when closed. */
  section: TimelineDatesSection | null;
  onClose: () => void;
}

/** Sets or clears the target dates, or records the review milestones; saved with the version read (PATCH). */
export function TimelineDatesModal({ application, section, onClose }: TimelineDatesModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DateValues>();
  const update = useUpdateApplication(application.id);
  const fields = section ? fieldsOf[section] : [];

  useEffect(() => {
    if (!section) return;
    form.resetFields();
    const stored: Record<string, string | null | undefined> = section === 'targets' ? application.targets : application.milestones;
    form.setFieldsValue(Object.fromEntries(fieldsOf[section].map((field) => [field, stored[field] ? dayjs(stored[field]) : null])));
  }, [section, application.targets, application.milestones, form]);

  async function submit(values: DateValues) {
    if (!section) return;
    // Every field of the section is sent: an emptied one as null, which clears it.
    const dates = Object.fromEntries(fieldsOf[section].map((field) => [field, values[field] ? values[field].format('YYYY-MM-DD') : null]));
    try {
      await update.mutateAsync(section === 'targets' ? { version: application.version, targets: dates } : { version: application.version, milestones: dates });
      notifySuccess(t(`applications.timeline.saved.${section}`));
      onClose();
    } catch (error) {
      showFieldIssues(form, asApiError(error), (issue) => {
        const field = new RegExp(`^${section}\\.(\\w+)`).exec(issue.field)?.[1];
        return field ? { name: field } : null;
      });
    }
  }

  return (
    <FormModal open={section !== null} title={section ? t(`applications.timeline.edit.${section}`) : ''} okText={t('common.save')} form={form} pending={update.isPending} onClose={onClose}>
      {section && <Typography.Paragraph type="secondary">{t(`applications.timeline.editHint.${section}`)}</Typography.Paragraph>}
      <Form<DateValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        {fields.map((field) => (
          <Form.Item key={field} label={t(`applications.timeline.dates.${field}`)} name={field}>
            <DatePicker format="YYYY-MM-DD" allowClear style={{ width: 200 }} />
          </Form.Item>
        ))}
      </Form>
    </FormModal>
  );
}
