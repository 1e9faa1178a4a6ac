import { Button, Card, Flex, Form, InputNumber, Popconfirm, Space, Table, Tag, Typography, type FormInstance, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { asApiError, notifySuccess } from '../../../app/error-notifier';
import { showFieldIssues } from '../../../app/form-errors';
import { useLocalized } from '../../../app/localized';
import { useFormatAmount } from '../../catalog/components/duration-text';
import { SourceTag } from '../../catalog/components/source-tag';
import { useRuleSettings, useUpdateRuleOverride, type RuleSetting } from './use-rule-settings';

type Values = Record<string, number | null>;
type Group = 'processing' | 'obligations' | 'eligibility' | 'foreignCap';

function groupOf(key: string): Group {
  if (key.startsWith('eligibility.foreign-cap.')) return 'foreignCap';
  if (key.startsWith('processing.')) return 'processing';
  if (key.startsWith('obligations.')) return 'obligations';
  return 'eligibility';
}

const groups: Group[] = ['processing', 'obligations', 'eligibility', 'foreignCap'];

const unitSuffix: Record<RuleSetting['unit'], string> = { 'working-days': 'workingDays', 'calendar-days': 'calendarDays', months: 'months', people: 'people', percent: 'percent' };

/** The value input of one row, with Save when changed and Reset when the organisation has its own value. */
function ValueCell({ setting, form }: { setting: RuleSetting; form: FormInstance<Values> }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const formatAmount = useFormatAmount();
  const update = useUpdateRuleOverride();
  const current = Form.useWatch([setting.key], form);
  const inForce = setting.value ?? setting.defaultValue;
  const dirty = typeof current === 'number' && current !== inForce;

  async function save(value: number | null) {
    try {
      await update.mutateAsync({ key: setting.key, value });
      form.setFields([{ name: [setting.key], value: value ?? setting.defaultValue, errors: [] }]);
      notifySuccess(value === null ? t('settings.rules.resetDone', { title: localized(setting.title) }) : t('settings.rules.savedDone', { title: localized(setting.title), value: formatAmount(value, setting.unit) }));
    } catch (caught) {
      showFieldIssues(form, asApiError(caught), (issue) => (issue.field === `overrides.${setting.key}` ? { name: [setting.key] } : null));
    }
  }

  return (
    <Flex gap={8} align="flex-start" wrap>
      <Form.Item name={[setting.key]} style={{ marginBottom: 0, width: 170 }}>
        <InputNumber<number>
          style={{ width: '100%' }}
          suffix={t(`settings.rules.units.${unitSuffix[setting.unit] as 'months'}`)}
          aria-label={localized(setting.title)}
          onPressEnter={() => dirty && void save(current)}
        />
      </Form.Item>
      <Space size={4}>
        {dirty && (
          <Button type="primary" size="small" loading={update.isPending} onClick={() => void save(current === setting.defaultValue ? null : current)}>
            {t('common.save')}
          </Button>
        )}
        {dirty && (
          <Button size="small" onClick={() => form.setFields([{ name: [setting.key], value: inForce, errors: [] }])}>
            {t('common.cancel')}
          </Button>
        )}
        {!dirty && setting.value !== null && (
          <Popconfirm
            title={t('settings.rules.reset')}
            description={t('settings.rules.resetConfirm', { value: formatAmount(setting.defaultValue, setting.unit) })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => save(null)}
          >
            <Button size="small" loading={update.isPending}>
              {t('settings.rules.reset')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Flex>
  );
}

function RulesGroupTable({ settings, form }: { settings: RuleSetting[]; form: FormInstance<Values> }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const formatAmount = useFormatAmount();
  const columns: TableColumnsType<RuleSetting> = [
    {
      key: 'title',
      title: t('settings.rules.setting'),
      render: (_, s) => (
        <>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong>{localized(s.title)}</Typography.Text>
            {s.value !== null && <Tag color="magenta">{t('catalog.overridden')}</Tag>}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {s.key}
          </Typography.Text>
        </>
      ),
    },
    { key: 'default', title: t('settings.rules.default'), width: 120, render: (_, s) => formatAmount(s.defaultValue, s.unit) },
    { key: 'bounds', title: t('settings.rules.bounds'), width: 110, render: (_, s) => `${s.min}–${s.max}` },
    { key: 'source', title: t('catalog.sourceColumn'), width: 130, render: (_, s) => <SourceTag source={s.source} confidence={s.confidence} /> },
    { key: 'value', title: t('settings.rules.value'), width: 330, render: (_, s) => <ValueCell setting={s} form={form} /> },
  ];
  return <Table<RuleSetting> rowKey="key" size="middle" columns={columns} dataSource={settings} pagination={false} scroll={{ x: 900 }} />;
}

/** 规则覆盖: the organisation's own values for uncertain deadlines, estimates and thresholds, each with its default and source. */
export function RulesTab() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { data, isPending } = useRuleSettings();
  const items = data?.items ?? [];

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('settings.rules.intro')}</Typography.Text>
      {isPending ? (
        <Card loading />
      ) : (
        <Form<Values> form={form} initialValues={Object.fromEntries(items.map((s) => [s.key, s.value ?? s.defaultValue]))} component={false}>
          {groups.map((group) => {
            const settings = items.filter((s) => groupOf(s.key) === group);
            return (
              settings.length > 0 && (
                <Card key={group} size="small" title={t(`settings.rules.groups.${group}`)} data-testid={`rules-${group}`}>
                  <RulesGroupTable settings={settings} form={form} />
                </Card>
              )
            );
          })}
        </Form>
      )}
    </Flex>
  );
}
