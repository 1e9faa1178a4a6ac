import { useEffect, useState } from 'react';
import { Input } from 'antd';

interface ListSearchProps {
  /** The search in force (from the URL); the box follows it when it changes elsewhere (back, a link, clear filters). */
  value: string;
  /** Shown in the empty box and read out as its label. */
  placeholder: string;
  width: number;
  /** Called with the trimmed text when the user presses Enter or the search button, or clears the box. */
  onSearch: (text: string) => void;
}

/** A list's search box: typing changes only the box; a search runs on Enter or the button, never per keystroke. */
export function ListSearch({ value, placeholder, width, onSearch }: ListSearchProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <Input.Search
      allowClear
      enterButton
      style={{ width }}
      placeholder={placeholder}
      aria-label={placeholder}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(next) => onSearch(next.trim())}
    />
  );
}
