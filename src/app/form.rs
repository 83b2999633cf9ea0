//! The report as a form: every field of the outline under its section heading, in the order
//! of the document.

use leptos::prelude::*;

use super::dom::section_id;
use super::field::Field;
use super::rows::Rows;
use crate::outline::{FundField, List, Path, PointField, ProjectField, Section};

#[component]
pub fn ReportForm() -> impl IntoView {
    view! {
        <form class="report-form" on:submit=|ev| ev.prevent_default() autocomplete="off">
            <SectionBlock section=Section::Meta>
                <Field path=Path::Department />
                <Field path=Path::ShortName optional=true hint="报告标题中的小标题使用简称，如“区信访局”" />
                <Field path=Path::Year hint="四位年份，如 2024" />
            </SectionBlock>

            <SectionBlock section=Section::Basic>
                <h3>"（一）基本情况"</h3>
                <h4>"1、主要职能"</h4>
                <Rows list=List::Functions row=|i| view! { <Field path=Path::Function(i) label="职能内容" /> } />
                <h4>"2、机构情况"</h4>
                <Field path=Path::Organization />
                <h4>"3、人员情况"</h4>
                <div class="field-group">
                    <Field path=Path::StaffAsOf optional=true hint="如“2024年12月底”" />
                    <Field path=Path::StaffTotal />
                    <Field path=Path::StaffActive />
                    <Field path=Path::StaffRetired />
                </div>
                <h3>"（二）绩效目标"</h3>
                <Field path=Path::GoalsOverall hint="宜写明可衡量的目标（数量、比例、时限）" />
                <Field path=Path::GoalsSpecialFunds optional=true />
                <Field path=Path::GoalsOtherProjects optional=true />
            </SectionBlock>

            <SectionBlock section=Section::GeneralBudget>
                <h3>"（一）预算收支"</h3>
                <div class="field-group">
                    <Field path=Path::AnnualBudget />
                    <Field
                        path=Path::FullYearBudget
                        optional=true
                        hint="不填时按“预算资金 + 专项资金年中调整”计算"
                    />
                    <Field path=Path::AppropriationIncome />
                    <Field path=Path::AppropriationExpense />
                </div>
                <div class="field-group">
                    <Field path=Path::ProjectExpense label="其中：项目支出" />
                    <Field path=Path::BasicExpense label="其中：基本支出" />
                    <Field path=Path::PersonnelExpense label="基本支出中：人员经费" />
                    <Field path=Path::PublicExpense label="基本支出中：公用经费" />
                </div>
                <h3>"（二）项目支出明细"</h3>
                <Rows
                    list=List::Projects
                    row=|i| {
                        view! {
                            <Field path=Path::Project(i, ProjectField::Name) />
                            <Field path=Path::Project(i, ProjectField::Amount) />
                        }
                    }
                />
            </SectionBlock>

            <SectionBlock section=Section::GovFundBudget>
                <Field path=Path::GovFundBudget hint="没有时填“无”" />
            </SectionBlock>
            <SectionBlock section=Section::StateCapitalBudget>
                <Field path=Path::StateCapitalBudget hint="没有时填“无”" />
            </SectionBlock>
            <SectionBlock section=Section::SocialInsuranceBudget>
                <Field path=Path::SocialInsuranceBudget hint="没有时填“无”" />
            </SectionBlock>

            <SectionBlock section=Section::Performance>
                <h3>"（一）部门整体支出绩效情况"</h3>
                <Rows
                    list=List::Points
                    row=|i| {
                        view! {
                            <Field path=Path::Point(i, PointField::Title) optional=true />
                            <Field path=Path::Point(i, PointField::Text) />
                        }
                    }
                />
                <h3>"（二）专项资金支出绩效情况"</h3>
                <Field path=Path::StatedFundCount hint="报告中“专项资金共N个”的N" />
                <Rows
                    list=List::Funds
                    row=|i| {
                        view! {
                            <Field path=Path::Fund(i, FundField::Name) />
                            <div class="field-group">
                                <Field path=Path::Fund(i, FundField::InitialBudget) />
                                <Field
                                    path=Path::Fund(i, FundField::Adjustment)
                                    hint="调减填负数"
                                />
                                <Field path=Path::Fund(i, FundField::Actual) />
                                <Field path=Path::Fund(i, FundField::Carryover) />
                            </div>
                            <Field path=Path::Fund(i, FundField::Effect) />
                        }
                    }
                />
            </SectionBlock>

            <SectionBlock section=Section::Problems>
                <Field path=Path::Problems />
            </SectionBlock>
            <SectionBlock section=Section::Improvements>
                <Field path=Path::Improvements />
            </SectionBlock>
            <SectionBlock section=Section::ResultUse>
                <Field path=Path::ResultUse />
            </SectionBlock>
            <SectionBlock section=Section::Other>
                <Field path=Path::Other hint="没有时填“无”" />
            </SectionBlock>
        </form>
    }
}

/// A section of the report with its numbered heading.
#[component]
fn SectionBlock(section: Section, children: Children) -> impl IntoView {
    view! {
        <section class="report-section" aria-labelledby=section_id(section)>
            <h2 id=section_id(section) tabindex="-1">{section.heading()}</h2>
            {children()}
        </section>
    }
}
