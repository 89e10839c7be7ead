import { Button, Checkbox, Col, Form, Input, Row, Select, Space } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { KIND_LABELS } from './criteria-labels';
import { DecimalInput } from '../shared/DecimalInput';

interface CriterionFieldsProps {
  /** The index in the form's `criteria` list. */
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}

/** One criterion of the draft: code, name, group, kind, points and the options its kind allows. */
export function CriterionFields({ index, count, onMove, onRemove }: CriterionFieldsProps) {
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['criteria', index, 'kind'], form);
  const code = Form.useWatch(['criteria', index, 'code'], form);
  const what = `tiêu chí ${index + 1}${code ? ` (${code})` : ''}`;
  return (
    <div className="criterion-fields" role="group" aria-label={`Tiêu chí ${index + 1}`}>
      <Row gutter={12} align="top">
        <Col xs={12} md={3}>
          <Form.Item
            name={[index, 'code']}
            label="Mã"
            rules={[{ required: true, message: 'Nhập mã' }]}
          >
            <Input maxLength={32} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item
            name={[index, 'name']}
            label="Tên tiêu chí"
            rules={[{ required: true, whitespace: true, message: 'Nhập tên' }]}
          >
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={5}>
          <Form.Item name={[index, 'group']} label="Nhóm">
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name={[index, 'kind']} label="Loại" rules={[{ required: true }]}>
            <Select
              options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={3}>
          <Form.Item
            name={[index, 'maxPoints']}
            label="Điểm tối đa"
            rules={[{ required: true, message: 'Nhập điểm' }]}
          >
            <DecimalInput min={0} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12} align="middle">
        {kind === 'percentage' && (
          <Col xs={12} md={4}>
            <Form.Item
              name={[index, 'target']}
              label="Chỉ tiêu (%)"
              rules={[{ required: true, message: 'Nhập chỉ tiêu' }]}
            >
              <DecimalInput min={0} max={100} />
            </Form.Item>
          </Col>
        )}
        {kind === 'count' && (
          <Col xs={12} md={4}>
            <Form.Item
              name={[index, 'penaltyPerUnit']}
              label="Trừ mỗi lần"
              rules={[{ required: true, message: 'Nhập điểm trừ' }]}
            >
              <DecimalInput min={0} />
            </Form.Item>
          </Col>
        )}
        <Col flex="auto">
          <Space wrap>
            <Form.Item name={[index, 'bonus']} valuePropName="checked" noStyle>
              <Checkbox>Điểm thưởng</Checkbox>
            </Form.Item>
            {kind === 'count' && (
              <Form.Item name={[index, 'fromIncidents']} valuePropName="checked" noStyle>
                <Checkbox>Lấy từ vi phạm</Checkbox>
              </Form.Item>
            )}
            {(kind === 'boolean' || kind === 'count') && (
              <Form.Item name={[index, 'disqualifying']} valuePropName="checked" noStyle>
                <Checkbox>Loại trừ</Checkbox>
              </Form.Item>
            )}
          </Space>
        </Col>
        <Col>
          <Space>
            <Button
              size="small"
              icon={<ArrowUpOutlined />}
              aria-label={`Đưa ${what} lên`}
              disabled={index === 0}
              onClick={() => onMove(index, index - 1)}
            />
            <Button
              size="small"
              icon={<ArrowDownOutlined />}
              aria-label={`Đưa ${what} xuống`}
              disabled={index === count - 1}
              onClick={() => onMove(index, index + 1)}
            />
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={`Xoá ${what}`}
              onClick={onRemove}
            >
              Xoá
            </Button>
          </Space>
        </Col>
      </Row>
    </div>
  );
}
