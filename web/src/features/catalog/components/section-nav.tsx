import { Button, Flex } from 'antd';

/** Jump links to the cards of a long page; plain scrolling, so the router's URL stays as it is. */
export function SectionNav({ sections }: { sections: { id: string; label: string }[] }) {
  return (
    <Flex gap={4} wrap>
      {sections.map((section) => (
        <Button key={section.id} type="link" size="small" style={{ paddingInline: 6 }} onClick={() => document.getElementById(section.id)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>
          {section.label}
        </Button>
      ))}
    </Flex>
  );
}
