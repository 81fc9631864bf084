/** The text of each mail, in Japanese, in one place. Links are absolute (APP_ORIGIN). */
const signature = `\n--\nQSO Hub（名古屋大学医学部附属病院 患者安全推進部 QSOプロジェクト）\nこのメールに心当たりがない場合は破棄してください。`

export function inviteMail(input: { inviterName: string; link: string; expiresAt: string }) {
  return {
    subject: '【QSO Hub】会員登録のご案内',
    text: `${input.inviterName} さんから QSO Hub への招待が届いています。

QSO Hub は QSO プロジェクト修了生のための会員サイトです。下記のリンクから氏名・所属・パスワードを登録してください。

${input.link}

このリンクは ${input.expiresAt} まで、1回だけ使えます。${signature}`,
  }
}

export function passwordResetMail(input: { name: string; link: string; expiresAt: string }) {
  return {
    subject: '【QSO Hub】パスワード再設定のご案内',
    text: `${input.name} さん

パスワード再設定のお申し込みを受け付けました。下記のリンクから新しいパスワードを設定してください。

${input.link}

このリンクは ${input.expiresAt} まで、1回だけ使えます。お申し込みに心当たりがない場合、パスワードは変更されていません。${signature}`,
  }
}

export function passwordChangedMail(input: { name: string; when: string }) {
  return {
    subject: '【QSO Hub】パスワードが変更されました',
    text: `${input.name} さん

${input.when} に QSO Hub のパスワードが変更され、他の端末のログインはすべて終了しました。
心当たりがない場合は、すぐに「パスワードをお忘れの方」から再設定し、事務局にご連絡ください。${signature}`,
  }
}

export function emailChangedMail(input: { name: string; newEmail: string; when: string }) {
  return {
    subject: '【QSO Hub】メールアドレスが変更されました',
    text: `${input.name} さん

${input.when} に、QSO Hub のログイン用メールアドレスが事務局により ${input.newEmail} に変更されました。
今後はこのアドレス宛てのメールは届きません。心当たりがない場合は、すぐに QSO 事務局にご連絡ください。${signature}`,
  }
}

export function benchmarkReminderMail(input: { name: string; hospitalName: string; period: string; link: string }) {
  return {
    subject: `【QSO Hub】${input.period}分のベンチマークデータのご提出のお願い`,
    text: `${input.name} さん

${input.hospitalName} の ${input.period}分のリスク量・ベンチマーキングのデータがまだ登録されていません。
お手すきの際に、下記のページから入力または CSV で取り込んでください。

${input.link}

報告件数が少ない月も、そのままご登録ください。少ない報告は、報告文化を見直すきっかけになる大切な情報です。${signature}`,
  }
}

// Crisis consultations: a link only. Nothing about the case (not even the hospital) goes into a mail, which may
// be forwarded, printed or read on a shared screen; the page behind the link checks who is signed in.
export function newConsultationMail(input: { urgency: string; target: string; link: string }) {
  return {
    subject: `【QSO Hub】危機管理相談が届きました（${input.urgency}）`,
    text: `危機管理相談が新たに届きました。緊急度は「${input.urgency}」（${input.target}）です。

内容は QSO Hub にログインしてご確認ください。

${input.link}

相談の内容はメールには記載していません。${signature}`,
  }
}

export function consultationReplyMail(input: { link: string }) {
  return {
    subject: '【QSO Hub】危機管理相談に新しいメッセージがあります',
    text: `危機管理相談に新しいメッセージが届きました。

内容は QSO Hub にログインしてご確認ください。

${input.link}

相談の内容はメールには記載していません。${signature}`,
  }
}

// events

export function eventPromotedMail(input: { name: string; title: string; startsAt: string; link: string }) {
  return {
    subject: `【QSO Hub】キャンセル待ちから参加が確定しました：${input.title}`,
    text: `${input.name} さん

キャンセルが出たため、キャンセル待ちをしていた次の行事への参加が確定しました。

${input.title}
日時：${input.startsAt}

会場・オンライン参加の案内は下記のページでご確認ください。参加できなくなった場合は、同じページからキャンセルしてください。

${input.link}${signature}`,
  }
}

export function eventReminderMail(input: { name: string; title: string; startsAt: string; venue: string | null; onlineUrl: string | null; link: string }) {
  const where = [input.venue ? `会場：${input.venue}` : null, input.onlineUrl ? `オンライン参加：${input.onlineUrl}` : null].filter(Boolean).join('\n')
  return {
    subject: `【QSO Hub】明日開催：${input.title}`,
    text: `${input.name} さん

お申し込みいただいた次の行事は明日開催です。

${input.title}
日時：${input.startsAt}
${where}

詳細・キャンセルは下記のページからどうぞ。オンライン参加のURLは参加者以外に共有しないでください。

${input.link}${signature}`,
  }
}

export function eventCancelledMail(input: { name: string; title: string; startsAt: string; link: string }) {
  return {
    subject: `【QSO Hub】行事中止のお知らせ：${input.title}`,
    text: `${input.name} さん

お申し込みいただいていた次の行事は、中止となりました。ご迷惑をおかけし申し訳ありません。

${input.title}
日時：${input.startsAt}

${input.link}${signature}`,
  }
}

// cases: mail carries a link only, never case or comment text (it may be read outside the hospital's systems).
export function discussionCommentMail(input: { link: string }) {
  return {
    subject: '【QSO Hub】フォロー中の投稿に新しいコメントがあります',
    text: `フォロー中の投稿に新しいコメントがありました。QSO Hub にログインしてご覧ください。

${input.link}

フォローは投稿のページでいつでも解除できます。${signature}`,
  }
}

export function contentHiddenMail(input: { what: string; reason: string; link: string }) {
  return {
    subject: `【QSO Hub】あなたの${input.what}が非表示になりました`,
    text: `あなたが QSO Hub に投稿した${input.what}を、事務局が非表示にしました。

理由: ${input.reason}

${input.link}

内容を修正できる場合や、ご不明な点がある場合は、QSO 事務局にご連絡ください。${signature}`,
  }
}

export function membershipChangeRequestedMail(input: { memberName: string; link: string }) {
  return {
    subject: '【QSO Hub】所属・修了コースの変更依頼が届きました',
    text: `${input.memberName} さんから、所属病院・修了コース・期の変更依頼が届きました。
本人からの依頼であることを確認のうえ、下記のページで承認または却下してください。承認するまで会員の情報は変わりません。

${input.link}${signature}`,
  }
}

export function membershipChangeDecidedMail(input: { name: string; approved: boolean; summary: string; note: string | null; link: string }) {
  const outcome = input.approved ? '承認され、会員情報に反映されました' : '却下されました。会員情報は変わっていません'
  return {
    subject: input.approved ? '【QSO Hub】所属・修了コースの変更が承認されました' : '【QSO Hub】所属・修了コースの変更依頼が却下されました',
    text: `${input.name} さん

所属病院・修了コース・期の変更依頼（${input.summary}）は${outcome}。
${input.note ? `\n事務局からのコメント: ${input.note}\n` : ''}
${input.link}${signature}`,
  }
}
