import { useEffect, useState } from 'react';
import { Select, Spin } from 'antd';
import { useClient, useClientList } from '../hooks/use-clients';

interface ClientSelectProps {
  value?: string | null;
  onChange?: (clientId: string | undefined) => void;
  placeholder?: string;
  id?: string;
  allowClear?: boolean;
}

function useDebounced(value: string, delayMs: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** Picks an active client company, searching on the server by name or credit code. */
export function ClientSelect({ value, onChange, placeholder, id, allowClear = false }: ClientSelectProps) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const { data, isFetching } = useClientList({ q: q || undefined, status: 'active', page: 1, pageSize: 20 });
  const selected = useClient(value ?? undefined);

  const options = (data?.items ?? []).map((client) => ({ value: client.id, label: `${client.name}（${client.uscc}）` }));
  if (selected.data && !options.some((option) => option.value === selected.data.id)) {
    options.unshift({ value: selected.data.id, label: `${selected.data.name}（${selected.data.uscc}）` });
  }

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={onChange}
      placeholder={placeholder}
      allowClear={allowClear}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={isFetching ? <Spin size="small" /> : undefined}
    />
  );
}

/** A client's name for tables; the id while loading. */
export function ClientName({ id }: { id: string }) {
  const { data } = useClient(id, { notifyErrors: false });
  return <>{data?.name ?? '…'}</>;
}
