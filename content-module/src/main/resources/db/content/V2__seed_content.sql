-- The site's first content: the organisation's own text from its previous home page
-- (shared/seed/aasr-home-page.txt). The previous site showed only the openings of the four
-- stories, so they are stored as excerpts (excerpt_only) until the staff add their full text.
-- The stories carried no dates there; their publication times keep the order in which the
-- previous home page listed them (newest first) and can be corrected in the admin console.
-- Flyway applies this once, so a restart never duplicates or overwrites it.

INSERT INTO category (slug, name, description) VALUES
  ('volunteer-spotlight', 'Volunteer spotlight', 'The people who give their time to end restraint and seclusion.'),
  ('my-aasr-story', 'My AASR Story', 'Parents, survivors and advocates tell how they came to this work, in their own words.'),
  ('news', 'News', 'News from the Alliance and the movement.');

INSERT INTO site_page (slug, title, summary, body, status, created_at, updated_at) VALUES (
  'mission',
  'Our Mission',
  'Our mission is to inform changes in policy and practice to reduce and eliminate the use of punitive discipline and outdated behavioral management approaches and end the school-to-prison pipeline.',
  '<p>Our mission is to inform changes in policy and practice to reduce and eliminate the use of punitive discipline and outdated behavioral management approaches and end the school-to-prison pipeline.</p>',
  'PUBLISHED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO site_page (slug, title, summary, body, status, created_at, updated_at) VALUES (
  'about-seclusion-and-restraint',
  'About seclusion and restraint',
  'Restraint and seclusion are crisis management strategies that are used in many schools across the nation and the world. These interventions are dangerous and have led to serious injuries and even death in students, teachers, and staff.',
  '<p>Restraint and seclusion are crisis management strategies that are used in many schools across the nation and the world. Physical Restraint is exactly what it sounds like; it is a personal restriction that immobilizes or reduces the ability of a student to move his or her torso, arms, legs, or head freely. Seclusion is the involuntary confinement of a student alone in a room or area from which the student is physically prevented from leaving. These interventions are dangerous and have led to serious injuries and even death in students, teachers, and staff.</p>
<p>According to federal guidance, restraint and/or seclusion should never be used except in situations where a child’s behavior poses an imminent danger of serious physical harm to self or others, and restraint and seclusion should be avoided to the greatest extent possible without endangering the safety of students and staff.</p>',
  'PUBLISHED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO site_page (slug, title, summary, body, status, created_at, updated_at) VALUES (
  'five-year-anniversary',
  'Five Year Anniversary',
  'In the five years since its inception, the Alliance Against Seclusion & Restraint has been at the forefront of a vital movement, advocating tirelessly for the safety and dignity of children. Please consider donating to our anniversary fundraiser to support this critical work.',
  '<p>In the five years since its inception, the Alliance Against Seclusion &amp; Restraint has been at the forefront of a vital movement, advocating tirelessly for the safety and dignity of children. Please consider donating to our anniversary fundraiser to support this critical work.</p>',
  'PUBLISHED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO story (slug, title, excerpt, body, author, category_id, status, published_at, excerpt_only, created_at, updated_at)
SELECT
  'volunteers-lead-the-way-to-change',
  'Volunteers Lead the Way to Change',
  'What does volunteering mean to you? Giving your time to something that’s important to you can have tangible benefits – both for you and for the organization you serve. Over the last couple of years, AASR has seen an increase in the number of volunteers who get in touch with us and say they are ready to help. We feel that this…',
  '<p>What does volunteering mean to you? Giving your time to something that’s important to you can have tangible benefits – both for you and for the organization you serve. Over the last couple of years, AASR has seen an increase in the number of volunteers who get in touch with us and say they are ready to help. We feel that this…</p>',
  'Alliance Against Seclusion & Restraint',
  id, 'PUBLISHED', CAST('2026-11-28 09:04:00' AS TIMESTAMP), TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM category WHERE slug = 'volunteer-spotlight';

INSERT INTO story (slug, title, excerpt, body, author, category_id, status, published_at, excerpt_only, created_at, updated_at)
SELECT
  'meet-christopher-ripke',
  'Meet Disability Advocate and AASR Volunteer Christopher Ripke',
  'Christopher Ripke is an advocate for people with Developmental Disabilities in Nevada. Christopher is also against the use of restraints and seclusion. Christopher is a survivor of restraints and seclusion. As a person with a disability and an advocate, Christopher for the “Keeping All Students Safe Act.” Currently, Christopher works with a non-profit “People first…',
  '<p>Christopher Ripke is an advocate for people with Developmental Disabilities in Nevada. Christopher is also against the use of restraints and seclusion. Christopher is a survivor of restraints and seclusion. As a person with a disability and an advocate, Christopher for the “Keeping All Students Safe Act.” Currently, Christopher works with a non-profit “People first…</p>',
  'Alliance Against Seclusion & Restraint',
  id, 'PUBLISHED', CAST('2026-11-28 09:03:00' AS TIMESTAMP), TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM category WHERE slug = 'volunteer-spotlight';

INSERT INTO story (slug, title, excerpt, body, author, category_id, status, published_at, excerpt_only, created_at, updated_at)
SELECT
  'my-aasr-story-jennifer-abbanat',
  'My AASR Story: Jennifer Abbanat',
  'As many know, I got involved with The Alliance Against Seclusion and Restraint 4 1/2 years ago, about seven months after Max Benson was killed by restraint while at school. I couldn’t just let his death sit with zero action to ensure this never happens again. Unfortunately, it has continued to happen many more times since he…',
  '<p>As many know, I got involved with The Alliance Against Seclusion and Restraint 4 1/2 years ago, about seven months after Max Benson was killed by restraint while at school. I couldn’t just let his death sit with zero action to ensure this never happens again. Unfortunately, it has continued to happen many more times since he…</p>',
  'Jennifer Abbanat',
  id, 'PUBLISHED', CAST('2026-11-28 09:02:00' AS TIMESTAMP), TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM category WHERE slug = 'my-aasr-story';

INSERT INTO story (slug, title, excerpt, body, author, category_id, status, published_at, excerpt_only, created_at, updated_at)
SELECT
  'my-aasr-story-chantelle-hyde',
  'My AASR Story: Chantelle Hyde',
  'When I think back to about five years ago now, around the time that I first learned of my daughter’s traumatic seclusion incident at school from another parent, I was in a state of shock. After running into one frustrating and upsetting experience after another with the school and district, and even in reviewing provincial education policies,…',
  '<p>When I think back to about five years ago now, around the time that I first learned of my daughter’s traumatic seclusion incident at school from another parent, I was in a state of shock. After running into one frustrating and upsetting experience after another with the school and district, and even in reviewing provincial education policies,…</p>',
  'Chantelle Hyde',
  id, 'PUBLISHED', CAST('2026-11-28 09:01:00' AS TIMESTAMP), TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM category WHERE slug = 'my-aasr-story';
