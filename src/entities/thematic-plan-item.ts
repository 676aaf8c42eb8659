import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { ThematicPlan } from './thematic-plan';
import { ThematicTopic } from './thematic-topic';

/** One planned thematic meeting: a quarter and a topic. */
@Entity({ tableName: 'thematic_plan_item' })
export class ThematicPlanItem {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => ThematicPlan, { fieldName: 'plan_id' })
  plan!: Rel<ThematicPlan>;

  @Property({ type: 'integer' })
  quarter!: number;

  @ManyToOne(() => ThematicTopic, { fieldName: 'topic_id' })
  topic!: Rel<ThematicTopic>;

  @Property({ type: 'text' })
  title!: string;
}
