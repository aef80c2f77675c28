/**
 * What the index will hold: per article, its sections (headings) and how many
 * chunks each yields — searchable, promotional (tagged, never evidence), or
 * collapsed as a near-duplicate of an earlier chunk.
 */
import type { Article, Chunk } from "../types.js";
import { sectionLabel } from "./corpus-text.js";

export interface SectionInventory {
  sectionPath: string[];
  label: string;
  /** Chunks patients' questions can retrieve. */
  searchable: number;
  promotional: number;
  /** Chunks dropped because an earlier chunk says nearly the same. */
  collapsed: number;
}

export interface ArticleInventory {
  id: string;
  title: string;
  file: string;
  status: Article["status"];
  reviewed: string;
  url: string | null;
  chunks: number;
  sections: SectionInventory[];
}

/** `chunks`: every chunk of the approved articles before collapsing; `keptIds`: those the index keeps. */
export function inventory(articles: Article[], chunks: Chunk[], keptIds: ReadonlySet<string>): ArticleInventory[] {
  return articles.map((a) => {
    const sections = new Map<string, SectionInventory>();
    const own = chunks.filter((c) => c.articleId === a.id);
    for (const c of own) {
      const label = sectionLabel(c.sectionPath);
      const s = sections.get(label) ?? { sectionPath: c.sectionPath, label, searchable: 0, promotional: 0, collapsed: 0 };
      if (!keptIds.has(c.id)) s.collapsed++;
      else if (c.promotional) s.promotional++;
      else s.searchable++;
      sections.set(label, s);
    }
    return {
      id: a.id,
      title: a.title,
      file: a.source,
      status: a.status,
      reviewed: a.reviewed,
      url: a.url,
      chunks: own.filter((c) => keptIds.has(c.id)).length,
      sections: [...sections.values()],
    };
  });
}
