import { useState } from 'react';
import { Alert, Button, Card, Flex, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import { asApiError, notifyError, notifySuccess } from '../../../app/error-notifier';
import { LeadDaysEditor } from './lead-days-editor';
import { defaultLeadDays, sameLeadDays, sortLeadDays } from './lead-days';
import { ReminderChannels } from './reminder-channels';
import { useReminderSettings, useUpdateReminderSettings, type ReminderSettings } from './use-reminder-settings';

/** The lead times and the overdue switch, edited as a draft and saved with the version they were read at. */
function ReminderPlanCard({ settings, canEdit, onReload }: { settings: ReminderSettings; canEdit: boolean; onReload: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateReminderSettings();
  const [leadDays, setLeadDays] = useState(() => sortLeadDays(settings.leadDays));
  const [overdueWeekly, setOverdueWeekly] = useState(settings.overdueWeekly);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const dirty = !sameLeadDays(leadDays, settings.leadDays) || overdueWeekly !== settings.overdueWeekly;
  const isDefault = sameLeadDays(leadDays, defaultLeadDays) && overdueWeekly;

  async function save() {
    setFieldError(null);
    try {
      await update.mutateAsync({ leadDays, overdueWeekly, version: settings.version });
      notifySuccess(t('reminders.saved'));
    } catch (caught) {
      const error = asApiError(caught);
      if (error.code === 'VERSION_CONFLICT') return setStale(true);
      const issues = error.fieldIssues.filter((issue) => issue.field.startsWith('leadDays'));
      if (issues.length > 0) setFieldError(issues.map((issue) => issue.message).join('；'));
      else notifyError(error);
    }
  }

  return (
    <Card
      size="small"
      title={t('reminders.leadDays')}
      extra={settings.version === 0 && !dirty && <Tag>{t('reminders.defaultsInUse')}</Tag>}
      data-testid="reminder-plan"
    >
      <Flex vertical gap={16}>
        {stale && (
          <Alert
            type="warning"
            showIcon
            title={t('reminders.conflictTitle')}
            description={t('reminders.conflictText')}
            action={<Button size="small" type="primary" onClick={onReload}>{t('reminders.reload')}</Button>}
            data-testid="reminders-conflict"
          />
        )}
        <LeadDaysEditor value={leadDays} onChange={(days) => { setLeadDays(days); setFieldError(null); }} readOnly={!canEdit} error={fieldError} />
        <Flex vertical gap={4}>
          <Space>
            <Switch checked={overdueWeekly} onChange={setOverdueWeekly} disabled={!canEdit} id="overdue-weekly" />
            <label htmlFor="overdue-weekly">{t('reminders.overdueWeekly')}</label>
          </Space>
          <Typography.Text type="secondary">{t('reminders.overdueWeeklyHint')}</Typography.Text>
        </Flex>
        {canEdit && (
          <Flex gap={12} align="center" wrap>
            <Button type="primary" disabled={!dirty || stale} loading={update.isPending} onClick={() => void save()}>
              {t('common.save')}
            </Button>
            <Popconfirm
              title={t('reminders.useDefaults')}
              description={t('reminders.leadDaysHint')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              disabled={isDefault}
              onConfirm={() => {
                setLeadDays([...defaultLeadDays]);
                setOverdueWeekly(true);
              }}
            >
              <Button disabled={isDefault}>{t('reminders.useDefaults')}</Button>
            </Popconfirm>
            <Typography.Text type="secondary">{t('reminders.afterSave')}</Typography.Text>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

/** 提醒: when obligations are reminded, and through which channels. Staff read; owners and administrators change. */
export function RemindersTab() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useReminderSettings();
  const canEdit = can(me.user, 'manageSettings');

  if (query.isPending) return <Card loading />;
  if (!query.data) {
    return (
      <Alert type="error" showIcon title={t('errors.pageLoadFailed')} action={<Button size="small" onClick={() => void query.refetch()}>{t('common.retry')}</Button>} />
    );
  }
  const settings = query.data;
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('reminders.intro')}</Typography.Text>
      {!canEdit && <Alert type="info" showIcon title={t('reminders.readOnly')} />}
      {/* A new version (saved here or reloaded after a conflict) starts a fresh draft. */}
      <ReminderPlanCard key={settings.version} settings={settings} canEdit={canEdit} onReload={() => void query.refetch()} />
      <ReminderChannels channels={settings.channels} canManageWebhooks={canEdit} />
    </Flex>
  );
}
