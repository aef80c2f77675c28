import { z } from "zod";

/** Front-matter every article in a clinic's `articles/` must carry. */
export const FrontMatterSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "id must be a slug: lowercase letters, digits and single hyphens"),
    title: z.string().trim().min(1, "title is required (the article's own title, verbatim)"),
    publisher: z.string().trim().min(1, "publisher is required (the clinic that published the article)"),
    reviewed: z.union([z.string(), z.date()]).transform((v, ctx) => {
      const iso = v instanceof Date ? v.toISOString().slice(0, 10) : v;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(iso))) {
        ctx.addIssue({ code: "custom", message: "reviewed must be an ISO date like 2026-01-31" });
        return z.NEVER;
      }
      return iso;
    }),
    status: z.enum(["approved", "draft"], { message: "status must be 'approved' or 'draft'" }),
    url: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), "url must be http(s)")
      .optional(),
  })
  .strict();

export type FrontMatter = z.infer<typeof FrontMatterSchema>;
