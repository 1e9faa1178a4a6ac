import { Flex, Tag, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import { useUsccCheck, type UsccCheck } from '../hooks/use-uscc-check';
import { useProvinceName } from '../hooks/use-provinces';

type Parsed = NonNullable<UsccCheck['parsed']>;

/** "福建省（350100）· 工商（市场监管）· 企业"; for an invalid code, only the positions that could be read. */
export function UsccParts({ parsed }: { parsed: Parsed }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const place = parsed.province ? localized(parsed.province) : t('clients.usccParsed.unknownRegion');
  return (
    <Flex gap={12} wrap>
      {parsed.regionCode && (
        <span>
          <Typography.Text type="secondary">{t('clients.usccParsed.region')}</Typography.Text>
          {t('clients.usccParsed.place', { place, code: parsed.regionCode })}
        </span>
      )}
      {parsed.department && (
        <span>
          <Typography.Text type="secondary">{t('clients.usccParsed.department')}</Typography.Text>
          {localized(parsed.department)}
        </span>
      )}
      {parsed.category && (
        <span>
          <Typography.Text type="secondary">{t('clients.usccParsed.category')}</Typography.Text>
          {localized(parsed.category)}
        </span>
      )}
    </Flex>
  );
}

/** Why a code failed, then what could still be read from it (e.g. the province of a code with a wrong check character). */
export function UsccPartialReading({ check, showReason = true }: { check: UsccCheck; showReason?: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <Flex vertical gap={2} data-testid="uscc-parsed">
      {showReason && (
        <Typography.Text type="warning">
          <WarningOutlined /> {check.reason ? localized(check.reason) : t('clients.usccParsed.invalid')}
        </Typography.Text>
      )}
      {check.parsed && (
        <Flex gap={8} wrap>
          <Typography.Text type="secondary">{t('clients.usccParsed.partial')}</Typography.Text>
          <UsccParts parsed={check.parsed} />
        </Flex>
      )}
    </Flex>
  );
}

/** The credit code read by the server, and a warning when its region is not the province recorded for the client. */
export function UsccParsed({ uscc, province }: { uscc: string; province: string | null }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const provinceName = useProvinceName();
  const { data, isPending, isError } = useUsccCheck(uscc);
  if (isPending) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  if (isError || !data) return <Typography.Text type="secondary">{t('clients.usccParsed.unavailable')}</Typography.Text>;
  if (!data.valid || !data.parsed) return <UsccPartialReading check={data} />;
  const mismatch = province && data.parsed.province && data.parsed.province.code !== province;
  return (
    <Flex vertical gap={4} data-testid="uscc-parsed">
      <UsccParts parsed={data.parsed} />
      {mismatch && (
        <Tag color="warning" style={{ alignSelf: 'flex-start', whiteSpace: 'normal' }}>
          {t('clients.usccParsed.provinceMismatch', { parsed: localized(data.parsed.province), recorded: provinceName(province) })}
        </Tag>
      )}
    </Flex>
  );
}
